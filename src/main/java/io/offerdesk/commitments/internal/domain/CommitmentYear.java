package io.offerdesk.commitments.internal.domain;

import java.time.LocalDate;
import org.joda.money.Money;

/**
 * One contract year.
 *
 * @param number 1 for the first year
 * @param end the first day after it
 * @param cap how much marketplace spend may retire of the year's commitment
 */
public record CommitmentYear(int number, LocalDate start, LocalDate end, Money commitment, Money cap) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end);
    }

    /** The last day of the year, for people. */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }
}
