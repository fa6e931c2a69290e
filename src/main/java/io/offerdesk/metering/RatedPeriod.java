package io.offerdesk.metering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One billing period of an agreement with a usage rate card, and what its rating found.
 *
 * @param ratedAt when the period was rated; absent while it is open or the metering window after it is still running
 * @param lines one per dimension and allocation tag set with usage; none for a period without usage
 */
public record RatedPeriod(
        Instant periodStart, Instant periodEnd, @Nullable Instant ratedAt, List<Line> lines) {

    public RatedPeriod {
        lines = List.copyOf(lines);
    }

    /**
     * One line of a rating.
     *
     * @param coveredQuantity the part of the usage the contract's entitlement covered (contract with consumption)
     * @param billedQuantity the rest, billed at the unit price
     * @param amount billed quantity × unit price, rounded once
     * @param chargeId the usage charge invoicing bills; absent when nothing was billed
     */
    public record Line(
            int lineNo,
            String dimension,
            Map<String, String> allocationTags,
            long usedQuantity,
            long coveredQuantity,
            long billedQuantity,
            String currencyCode,
            BigDecimal unitPrice,
            BigDecimal amount,
            @Nullable String chargeId) {

        public Line {
            allocationTags = Collections.unmodifiableSortedMap(new TreeMap<>(allocationTags));
        }
    }
}
