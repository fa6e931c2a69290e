package io.offerdesk.metering;

import java.util.List;

/**
 * BatchMeterUsage's answer: a result for every record, in the order they were sent, and the records not processed
 * because of a fault on our side (Offerdesk stores a batch in one transaction, so that list is empty when it answers).
 */
public record BatchMeterUsageResult(List<UsageRecordResult> results, List<UsageRecord> unprocessedRecords) {

    public BatchMeterUsageResult {
        results = List.copyOf(results);
        unprocessedRecords = List.copyOf(unprocessedRecords);
    }
}
