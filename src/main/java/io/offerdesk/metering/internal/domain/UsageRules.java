package io.offerdesk.metering.internal.domain;

import io.offerdesk.metering.Tag;
import io.offerdesk.metering.UsageAllocation;
import io.offerdesk.metering.UsageRecord;
import io.offerdesk.metering.UsageRecordStatus;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of AWS's BatchMeterUsage and MeterUsage for usage records. A broken rule refuses the whole call with the
 * AWS error it names as the message key ({@code metering.<Exception>}), so the AWS-compatible facade can answer with
 * that error: the model says a timestamp out of range refuses the entire batch, and the allocation, tag and dimension
 * errors are errors of the operation, not per-record results.
 */
public final class UsageRules {

    /** BatchMeterUsage's limit of records per call. */
    public static final int BATCH_MAX = 25;

    /** AWS's UsageQuantity and AllocatedUsageQuantity range. */
    public static final long QUANTITY_MAX = 2_147_483_647L;

    /** AWS's UsageAllocations list length. */
    public static final int ALLOCATIONS_MAX = 2500;

    /** AWS's TagList length. */
    public static final int TAGS_MAX = 5;

    /** AWS's TagKey and TagValue pattern (the space-to-'=' range is the model's own). */
    public static final Pattern TAG_TEXT = Pattern.compile("[a-zA-Z0-9+ -=._:/@]+");

    public static final int TAG_KEY_MAX = 100;
    public static final int TAG_VALUE_MAX = 256;

    private UsageRules() {}

    /**
     * Checks a batch of records for one product.
     *
     * @param dimensions the product's dimension keys
     * @param now the simulated clock's now
     * @param window how long after an event its usage is still accepted
     * @throws InvalidInput naming every record and field that breaks a rule
     */
    public static void checkBatch(List<UsageRecord> records, Set<String> dimensions, Instant now, Duration window) {
        if (records.isEmpty() || records.size() > BATCH_MAX) {
            throw new InvalidInput("usageRecords", "metering.batchSize", BATCH_MAX);
        }
        var violations = new ArrayList<FieldViolation>();
        for (int i = 0; i < records.size(); i++) {
            violations.addAll(violations("usageRecords[" + i + "].", records.get(i), dimensions, now, window));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    /** Checks MeterUsage's one record; its fields have no prefix. */
    public static void checkRecord(UsageRecord record, Set<String> dimensions, Instant now, Duration window) {
        var violations = violations("", record, dimensions, now, window);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    private static List<FieldViolation> violations(
            String prefix, UsageRecord record, Set<String> dimensions, Instant now, Duration window) {
        var found = new ArrayList<FieldViolation>();
        if (!inWindow(record.timestamp(), now, window)) {
            found.add(FieldViolation.of(
                    prefix + "timestamp", "metering.TimestampOutOfBoundsException", window.toString()));
        }
        if (!dimensions.contains(record.dimension())) {
            found.add(FieldViolation.of(
                    prefix + "dimension", "metering.InvalidUsageDimensionException", record.dimension()));
        }
        if (!AccountId.isValid(record.customerAwsAccountId())) {
            found.add(
                    FieldViolation.of(prefix + "customerAwsAccountId", "metering.InvalidCustomerIdentifierException"));
        }
        if (record.quantity() < 0 || record.quantity() > QUANTITY_MAX) {
            found.add(FieldViolation.of(prefix + "quantity", "validation.range", 0, QUANTITY_MAX));
        }
        found.addAll(allocationViolations(prefix, record));
        return found;
    }

    /**
     * Whether usage at {@code timestamp} is accepted now: not in the future, and less than the window ago ("usage
     * records aren't accepted 6 hours or more after an event").
     */
    public static boolean inWindow(Instant timestamp, Instant now, Duration window) {
        return !timestamp.isAfter(now) && timestamp.isAfter(now.minus(window));
    }

    private static List<FieldViolation> allocationViolations(String prefix, UsageRecord record) {
        var allocations = record.usageAllocations();
        if (allocations.isEmpty()) {
            return List.of();
        }
        var found = new ArrayList<FieldViolation>();
        if (allocations.size() > ALLOCATIONS_MAX) {
            found.add(FieldViolation.of(
                    prefix + "usageAllocations", "metering.InvalidUsageAllocationsException", ALLOCATIONS_MAX));
            return found;
        }
        long sum = 0;
        var tagSets = new HashSet<Set<Tag>>();
        for (int i = 0; i < allocations.size(); i++) {
            var allocation = allocations.get(i);
            var field = prefix + "usageAllocations[" + i + "]";
            if (allocation.allocatedUsageQuantity() < 0 || allocation.allocatedUsageQuantity() > QUANTITY_MAX) {
                found.add(FieldViolation.of(field + ".allocatedUsageQuantity", "validation.range", 0, QUANTITY_MAX));
            }
            sum += allocation.allocatedUsageQuantity();
            if (!validTags(allocation.tags())) {
                found.add(FieldViolation.of(field + ".tags", "metering.InvalidTagException", TAGS_MAX));
            }
            if (!tagSets.add(Set.copyOf(allocation.tags()))) {
                found.add(FieldViolation.of(field + ".tags", "metering.allocationTagsRepeated"));
            }
        }
        if (sum != record.quantity()) {
            found.add(FieldViolation.of(
                    prefix + "usageAllocations", "metering.InvalidUsageAllocationsException", record.quantity()));
        }
        return found;
    }

    private static boolean validTags(List<Tag> tags) {
        if (tags.size() > TAGS_MAX) {
            return false;
        }
        var keys = new HashSet<String>();
        for (var tag : tags) {
            if (!text(tag.key(), TAG_KEY_MAX) || !text(tag.value(), TAG_VALUE_MAX) || !keys.add(tag.key())) {
                return false;
            }
        }
        return true;
    }

    private static boolean text(String value, int max) {
        return !value.isEmpty()
                && value.length() <= max
                && TAG_TEXT.matcher(value).matches();
    }

    /** The hour a record counts in: one record per customer, product, dimension and hour is stored. */
    public static Instant hour(Instant timestamp) {
        return timestamp.truncatedTo(ChronoUnit.HOURS);
    }

    /**
     * What two records of the same customer, dimension and hour must share to be the same record: the quantity and
     * the allocations with their tags, whatever order they were sent in.
     */
    public static String fingerprint(UsageRecord record) {
        var allocations = record.usageAllocations().stream()
                .map(UsageRules::allocation)
                .sorted()
                .collect(Collectors.joining(";"));
        return record.quantity() + "|" + allocations;
    }

    private static String allocation(UsageAllocation allocation) {
        return allocation.allocatedUsageQuantity() + "{"
                + allocation.tags().stream()
                        .sorted(Comparator.comparing(Tag::key))
                        .map(tag -> escape(tag.key()) + "=" + escape(tag.value()))
                        .collect(Collectors.joining(","))
                + "}";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace(",", "\\,")
                .replace("=", "\\=")
                .replace(";", "\\;")
                .replace("{", "\\{")
                .replace("}", "\\}");
    }

    /**
     * A record whose hour is already taken: an identical retry is the stored record's success again; another quantity
     * or other allocations are a duplicate record, which AWS refuses rather than overwrites.
     */
    public static UsageRecordStatus against(String storedFingerprint, UsageRecord record) {
        return storedFingerprint.equals(fingerprint(record))
                ? UsageRecordStatus.Success
                : UsageRecordStatus.DuplicateRecord;
    }
}
