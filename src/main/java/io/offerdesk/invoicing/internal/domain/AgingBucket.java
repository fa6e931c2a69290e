package io.offerdesk.invoicing.internal.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How long an open amount is past its due date, in the buckets receivables reports use. An invoice is due on its due
 * date and one day past due the day after.
 */
public enum AgingBucket {
    /** Not yet past the due date. */
    CURRENT(Long.MIN_VALUE, 0),
    DAYS_1_30(1, 30),
    DAYS_31_60(31, 60),
    DAYS_61_90(61, 90),
    OVER_90(91, Long.MAX_VALUE);

    private final long fromDays;
    private final long toDays;

    AgingBucket(long fromDays, long toDays) {
        this.fromDays = fromDays;
        this.toDays = toDays;
    }

    /** The bucket of an amount due on {@code dueDate}, seen on {@code today} (both UTC days). */
    public static AgingBucket of(LocalDate dueDate, LocalDate today) {
        var pastDue = ChronoUnit.DAYS.between(dueDate, today);
        for (var bucket : values()) {
            if (pastDue >= bucket.fromDays && pastDue <= bucket.toDays) {
                return bucket;
            }
        }
        throw new IllegalStateException("the buckets cover every day: " + pastDue);
    }
}
