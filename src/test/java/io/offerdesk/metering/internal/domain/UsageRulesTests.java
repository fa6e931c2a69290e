package io.offerdesk.metering.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.metering.Tag;
import io.offerdesk.metering.UsageAllocation;
import io.offerdesk.metering.UsageRecord;
import io.offerdesk.metering.UsageRecordStatus;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsageRulesTests {

    static final Instant NOW = Instant.parse("2030-03-01T12:30:00Z");
    static final Duration WINDOW = Duration.ofHours(6);
    static final Set<String> DIMENSIONS = Set.of("requests");

    @Test
    void theWindowIsOpenUpToItsLengthAndClosedToTheFuture() {
        assertThat(UsageRules.inWindow(NOW, NOW, WINDOW)).isTrue();
        assertThat(UsageRules.inWindow(NOW.minus(WINDOW).plusMillis(1), NOW, WINDOW))
                .isTrue();
        assertThat(UsageRules.inWindow(NOW.minus(WINDOW), NOW, WINDOW)).isFalse();
        assertThat(UsageRules.inWindow(NOW.plusMillis(1), NOW, WINDOW)).isFalse();
    }

    @Test
    void aBatchNamesEveryBrokenRule() {
        var records = List.of(
                record(NOW.minusSeconds(60), 1, List.of()),
                new UsageRecord(NOW.plusSeconds(60), "unknown", "12345", 5, List.of(allocation(4))));
        assertThatThrownBy(() -> UsageRules.checkBatch(records, DIMENSIONS, NOW, WINDOW))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.violations())
                                .extracting(FieldViolation::field, FieldViolation::code)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple(
                                                "usageRecords[1].timestamp", "metering.TimestampOutOfBoundsException"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "usageRecords[1].dimension", "metering.InvalidUsageDimensionException"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "usageRecords[1].customerAwsAccountId",
                                                "metering.InvalidCustomerIdentifierException"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "usageRecords[1].usageAllocations",
                                                "metering.InvalidUsageAllocationsException")));
    }

    @Test
    void batchesHoldOneToTwentyFiveRecords() {
        assertThatThrownBy(() -> UsageRules.checkBatch(List.of(), DIMENSIONS, NOW, WINDOW))
                .isInstanceOf(InvalidInput.class);
        var many = Collections.nCopies(26, record(NOW, 1, List.of()));
        assertThatThrownBy(() -> UsageRules.checkBatch(many, DIMENSIONS, NOW, WINDOW))
                .isInstanceOf(InvalidInput.class);
        UsageRules.checkBatch(Collections.nCopies(25, record(NOW, 1, List.of())), DIMENSIONS, NOW, WINDOW);
    }

    @Test
    void tagsFollowAwsShapesAndEachAllocationHasItsOwnSet() {
        var six = List.of(tag("a"), tag("b"), tag("c"), tag("d"), tag("e"), tag("f"));
        assertThatThrownBy(() -> UsageRules.checkRecord(
                        record(NOW, 1, List.of(new UsageAllocation(1, six))), DIMENSIONS, NOW, WINDOW))
                .hasMessageContaining("InvalidTagException");
        var same = new UsageAllocation(1, List.of(tag("team")));
        assertThatThrownBy(() -> UsageRules.checkRecord(record(NOW, 2, List.of(same, same)), DIMENSIONS, NOW, WINDOW))
                .hasMessageContaining("allocationTagsRepeated");
        UsageRules.checkRecord(
                record(NOW, 3, List.of(new UsageAllocation(2, List.of(tag("team"))), allocation(1))),
                DIMENSIONS,
                NOW,
                WINDOW);
    }

    @Test
    void aRecordRepeatsAStoredOneOnlyWithTheSameQuantityAndAllocations() {
        var stored = record(NOW, 3, List.of(new UsageAllocation(2, List.of(tag("x"), tag("y"))), allocation(1)));
        var reordered = record(
                NOW.plusSeconds(5), 3, List.of(allocation(1), new UsageAllocation(2, List.of(tag("y"), tag("x")))));
        assertThat(UsageRules.against(UsageRules.fingerprint(stored), reordered))
                .isEqualTo(UsageRecordStatus.Success);
        assertThat(UsageRules.against(UsageRules.fingerprint(stored), record(NOW, 3, List.of())))
                .isEqualTo(UsageRecordStatus.DuplicateRecord);
        assertThat(UsageRules.hour(NOW)).isEqualTo(Instant.parse("2030-03-01T12:00:00Z"));
    }

    private static UsageRecord record(Instant at, long quantity, List<UsageAllocation> allocations) {
        return new UsageRecord(at, "requests", "400000000001", quantity, allocations);
    }

    private static UsageAllocation allocation(long quantity) {
        return new UsageAllocation(quantity, List.of());
    }

    private static Tag tag(String key) {
        return new Tag(key, "v");
    }
}
