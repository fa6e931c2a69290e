package io.offerdesk.awsapi.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The conformance check finds what a response gets wrong, so that a passing wire test means something. */
class BotocoreConformanceTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final BotocoreConformance METERING = BotocoreConformance.of("meteringmarketplace");

    @Test
    void aResponseAsTheModelShapesItConforms() {
        var body = JSON.readTree("""
                {"Results":[{"UsageRecord":{"Timestamp":1795000000,"CustomerAWSAccountId":"400000000001",
                  "Dimension":"requests","Quantity":10,"UsageAllocations":[{"AllocatedUsageQuantity":10,
                  "Tags":[{"Key":"team","Value":"data"}]}]},"MeteringRecordId":"r-1","Status":"Success"}],
                 "UnprocessedRecords":[]}""");
        assertThat(METERING.violations("BatchMeterUsage", body)).isEmpty();
    }

    @Test
    void wrongTypesMissingMembersUnknownMembersEnumsPatternsAndRangesAreFound() {
        var body = JSON.readTree("""
                {"Results":[{"UsageRecord":{"Timestamp":"2026-11-27T08:00:00Z","CustomerAWSAccountId":"abc",
                  "Quantity":-1,"UsageAllocations":[]},"Status":"Stored","Extra":1}]}""");
        assertThat(METERING.violations("BatchMeterUsage", body))
                .containsExactlyInAnyOrder(
                        "$.Results[0].UsageRecord.Dimension: required by UsageRecord but missing",
                        "$.Results[0].UsageRecord.Timestamp: expected epoch seconds",
                        "$.Results[0].UsageRecord.CustomerAWSAccountId: 'abc' does not match ^[0-9]+$",
                        "$.Results[0].UsageRecord.Quantity: -1 is below 0",
                        "$.Results[0].UsageRecord.UsageAllocations: fewer than 1 items",
                        "$.Results[0].Status: 'Stored' is not one of [Success, CustomerNotSubscribed, DuplicateRecord]",
                        "$.Results[0].Extra: not a member of UsageRecordResult");
    }
}
