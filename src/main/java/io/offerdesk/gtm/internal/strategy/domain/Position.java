package io.offerdesk.gtm.internal.strategy.domain;

import java.math.BigDecimal;
import java.util.List;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Where an offer stands in its party's deal strategy.
 *
 * @param rank the matching rule's rank, from 1; absent with the segment
 * @param segment the first rule by rank that matches the offer; absent when none does
 * @param discountPercent the offer's discount against the list price, as the approval rules compute it
 * @param contractValue the offer's total contract value, as the approval rules compute it
 * @param findings what the author should know, in the order of {@link Finding}
 */
public record Position(
        @Nullable Integer rank,
        @Nullable SegmentRule segment,
        @Nullable BigDecimal discountPercent,
        @Nullable Money contractValue,
        List<Finding> findings) {

    public Position {
        findings = List.copyOf(findings);
    }
}
