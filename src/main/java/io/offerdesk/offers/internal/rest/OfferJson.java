package io.offerdesk.offers.internal.rest;

import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferStatus;
import io.offerdesk.offers.PriceSummary;
import io.offerdesk.offers.internal.domain.OfferDocuments;
import io.offerdesk.shared.AccountId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An offer in the native API: what lists need at the top, and (for one offer, not in lists) the whole offer as AWS
 * DescribeEntity's {@code DetailsDocument} in {@code details}.
 *
 * @param status Draft, Active or Expired, as the seller portal shows it
 */
record OfferJson(
        String id,
        String state,
        OfferStatus status,
        long revision,
        String productId,
        @Nullable String name,
        @Nullable String description,
        boolean renewal,
        List<String> buyerAccounts,
        @Nullable LocalDate availabilityEndDate,
        @Nullable Instant expiresAt,
        @Nullable Instant releasedAt,
        Instant createdAt,
        Instant lastModifiedAt,
        PriceSummary price,
        @Nullable JsonNode details) {

    static OfferJson of(Offer offer, Instant now) {
        return of(offer, now, offer.description(), OfferDocuments.describe(offer));
    }

    /** An entry of a list: the summary without the terms, which one offer's own answer carries. */
    static OfferJson summary(Offer offer, Instant now) {
        return of(offer, now, offer.description(), null);
    }

    /** What a buyer sees: no description (it is the seller's note to itself). */
    static OfferJson forBuyer(Offer offer, Instant now) {
        var details = OfferDocuments.describe(offer);
        details.remove("Description");
        return of(offer, now, null, details);
    }

    static OfferJson summaryForBuyer(Offer offer, Instant now) {
        return of(offer, now, null, null);
    }

    private static OfferJson of(Offer offer, Instant now, @Nullable String description, @Nullable JsonNode details) {
        return new OfferJson(
                offer.id().value(),
                offer.state().wireName(),
                offer.status(now),
                offer.revision(),
                offer.productId(),
                offer.name(),
                description,
                offer.preExistingAgreement() != null,
                offer.buyerAccounts().stream().map(AccountId::value).toList(),
                offer.availabilityEndDate(),
                offer.expiresAt(),
                offer.releasedAt(),
                offer.createdAt(),
                offer.lastModifiedAt(),
                PriceSummary.of(offer),
                details);
    }
}
