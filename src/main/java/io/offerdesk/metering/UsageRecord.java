package io.offerdesk.metering;

import java.time.Instant;
import java.util.List;

/**
 * Usage of one customer account in one dimension of a product at one time: AWS's {@code UsageRecord}. The product is
 * the call's. Metering stores one record per customer, dimension and hour.
 *
 * @param quantity 0 to {@link Metering#QUANTITY_MAX}
 * @param usageAllocations empty, or buckets whose quantities sum to {@code quantity}
 */
public record UsageRecord(
        Instant timestamp,
        String dimension,
        String customerAwsAccountId,
        long quantity,
        List<UsageAllocation> usageAllocations) {

    public UsageRecord {
        usageAllocations = List.copyOf(usageAllocations);
    }
}
