package io.offerdesk.offers.internal.web;

import io.offerdesk.catalog.Product;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.PriceSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * What the buyer's pages show about an offer besides its terms: who sells which product, the price at a glance, and
 * how long the buyer has left to accept it.
 *
 * @param sellerName the seller of record: the offer's owner, a channel partner for a resold product
 * @param publisherName the product's owner (ISV); the seller of record itself unless a partner resells the product
 * @param product absent when the seller has since deleted it; the page then shows the product id
 * @param expiry absent for a public offer, which does not expire
 */
record BuyerOfferView(
        Offer offer,
        String sellerName,
        String publisherName,
        @Nullable Product product,
        PriceSummary price,
        @Nullable Expiry expiry) {

    /**
     * The offer as its buyer sees it at {@code now}.
     *
     * @param expiringSoonDays offers expiring within this many days are flagged, so the buyer decides on them first
     */
    static BuyerOfferView of(
            Offer offer,
            String sellerName,
            String publisherName,
            @Nullable Product product,
            Instant now,
            int expiringSoonDays) {
        var end = offer.availabilityEndDate();
        var expiresAt = offer.expiresAt();
        return new BuyerOfferView(
                offer,
                sellerName,
                publisherName,
                product,
                PriceSummary.of(offer),
                end == null || expiresAt == null
                        ? null
                        : Expiry.of(end, expiresAt, offer.isExpired(now), now, expiringSoonDays));
    }

    /** The product's title, or its id when the product is gone. */
    public String productTitle() {
        return product == null ? offer.productId() : product.title();
    }

    /**
     * The time left to accept, measured on the marketplace's clock (simulated in the demo) rather than the browser's.
     *
     * @param date the availability end date; acceptance is possible until its last millisecond, in UTC
     * @param daysLeft whole days from today (UTC) to that date: 0 on the last day, negative once it has passed
     * @param remaining time until the offer expires, zero once it has
     * @param soon whether it expires within the "expiring soon" window
     */
    record Expiry(LocalDate date, long daysLeft, Duration remaining, boolean expired, boolean soon) {

        static Expiry of(LocalDate date, Instant expiresAt, boolean expired, Instant now, int expiringSoonDays) {
            var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            var daysLeft = ChronoUnit.DAYS.between(today, date);
            var left = expired ? Duration.ZERO : Duration.between(now, expiresAt);
            return new Expiry(date, daysLeft, left, expired, !expired && daysLeft <= expiringSoonDays);
        }

        /** The hours, minutes and seconds of the remaining time past its whole days, as a clock shows them. */
        public String clock() {
            return "%02d:%02d:%02d"
                    .formatted(remaining.toHoursPart(), remaining.toMinutesPart(), remaining.toSecondsPart());
        }
    }
}
