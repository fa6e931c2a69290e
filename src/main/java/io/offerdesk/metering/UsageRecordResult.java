package io.offerdesk.metering;

import org.jspecify.annotations.Nullable;

/**
 * The result of one record of a batch: AWS's {@code UsageRecordResult}.
 *
 * @param meteringRecordId the stored record's id; for an identical retry the id of the record stored first; absent
 *     when nothing is stored
 */
public record UsageRecordResult(
        UsageRecord usageRecord, @Nullable String meteringRecordId, UsageRecordStatus status) {}
