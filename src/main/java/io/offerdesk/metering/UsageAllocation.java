package io.offerdesk.metering;

import java.util.List;

/**
 * The part of a usage record's quantity that belongs to one bucket of tags: AWS's {@code UsageAllocation}. The bucket
 * without tags has an empty list.
 */
public record UsageAllocation(long allocatedUsageQuantity, List<Tag> tags) {

    public UsageAllocation {
        tags = List.copyOf(tags);
    }
}
