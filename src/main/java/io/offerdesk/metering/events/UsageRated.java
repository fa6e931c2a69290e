package io.offerdesk.metering.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An agreement's usage in one billing period was rated: one line per dimension and allocation tag set with a billed
 * quantity, each a usage charge due at the period's end. Published once per agreement and period, in the transaction
 * that rated it; a period whose usage the contract covered, or without usage, has no lines.
 *
 * @param sellerPartyId the seller of record (the channel partner of a resold agreement)
 * @param publisherPartyId the product's owner (ISV)
 * @param buyerAccountId the account invoiced: the agreement's billing account
 * @param netPaymentDays the offer's net payment term, absent when it has none
 */
public record UsageRated(
        String agreementId,
        String offerId,
        String productId,
        UUID sellerPartyId,
        UUID publisherPartyId,
        UUID buyerPartyId,
        String buyerAccountId,
        @Nullable Integer netPaymentDays,
        Instant periodStart,
        Instant periodEnd,
        List<Line> lines,
        Instant occurredAt) {

    public UsageRated {
        lines = List.copyOf(lines);
    }

    /**
     * One usage charge.
     *
     * @param chargeId unique within the agreement, the same however often the period is looked at
     * @param allocationTags the tags of the allocation the usage was reported under, empty for usage without
     * @param quantity the billed quantity: for a contract with consumption, what the entitlement did not cover
     * @param unitPrice the rate card's price per unit, up to 8 decimals
     * @param amount quantity × unit price, rounded once to the currency's scale
     * @param wholesaleAmount for a resold agreement, the ISV's part at the wholesale unit price
     */
    public record Line(
            String chargeId,
            String dimension,
            Map<String, String> allocationTags,
            long quantity,
            BigDecimal unitPrice,
            String currencyCode,
            BigDecimal amount,
            @Nullable BigDecimal wholesaleAmount) {

        public Line {
            allocationTags = Collections.unmodifiableSortedMap(new TreeMap<>(allocationTags));
        }
    }
}
