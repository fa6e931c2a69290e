package io.offerdesk.gtm.internal.strategy.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One segment of buyers and how it is served. A rule without criteria matches every offer: the catch-all that ends a
 * strategy.
 *
 * @param keyAccounts buyer accounts that name the segment's key accounts, as the party wrote them
 * @param keyBuyers the buyer organizations holding those accounts: an offer to any account of one of them matches
 * @param value the total contract values the segment covers; an offer in another currency does not match
 * @param discountMin the smallest discount, in percent off the list price, the segment's offers should give
 * @param discountMax the largest discount the segment's offers should give
 * @param defaultTemplateId the offer template the party starts the segment's offers from
 */
public record SegmentRule(
        String name,
        Route route,
        List<String> keyAccounts,
        Set<UUID> keyBuyers,
        @Nullable ValueRange value,
        BigDecimal discountMin,
        BigDecimal discountMax,
        @Nullable String defaultTemplateId) {

    public SegmentRule {
        keyAccounts = List.copyOf(keyAccounts);
        keyBuyers = Set.copyOf(keyBuyers);
        if (discountMin.compareTo(discountMax) > 0) {
            throw new IllegalArgumentException("a discount band's minimum exceeds its maximum");
        }
    }

    public boolean catchAll() {
        return keyBuyers.isEmpty() && value == null;
    }

    /** Every criterion the rule has must hold. */
    public boolean matches(Deal deal) {
        if (!keyBuyers.isEmpty() && deal.buyers().stream().noneMatch(keyBuyers::contains)) {
            return false;
        }
        return value == null || value.contains(deal.contractValue());
    }
}
