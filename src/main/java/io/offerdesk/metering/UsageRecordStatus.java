package io.offerdesk.metering;

/**
 * What became of one usage record of a batch, named exactly as AWS's {@code UsageRecordResultStatus}: stored (or
 * stored before, by an identical record), refused because the customer holds no active agreement for the product, or
 * refused because a record for the same customer, dimension and hour with another quantity is stored.
 */
public enum UsageRecordStatus {
    Success,
    CustomerNotSubscribed,
    DuplicateRecord
}
