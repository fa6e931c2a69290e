package io.offerdesk.disbursement.internal.payout.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * How a seller or channel partner is paid in one currency.
 *
 * @param dayOfMonth the day of a monthly disbursement, 1 to {@link #LAST_DAY}; null for daily
 * @param bankAccount the reference of the account paid into ({@link BankAccountReference}); null when not given yet
 * @param updatedAt when it was set; null for the default
 */
public record PayoutPreference(
        UUID partyId,
        CurrencyUnit currency,
        Frequency frequency,
        @Nullable Integer dayOfMonth,
        @Nullable String bankAccount,
        @Nullable Instant updatedAt,
        @Nullable String updatedBy) {

    /** Monthly days stop at 28 so that every month has the day (reference §6.4). */
    public static final int LAST_DAY = 28;

    /** The day of a monthly disbursement when the payee chose none: the first of the month (ADR 0020). */
    public static final int DEFAULT_DAY = 1;

    public PayoutPreference {
        if ((frequency == Frequency.DAILY) != (dayOfMonth == null)) {
            throw new IllegalArgumentException("A monthly preference has a day, a daily one none");
        }
        if (dayOfMonth != null && (dayOfMonth < 1 || dayOfMonth > LAST_DAY)) {
            throw new IllegalArgumentException("Day of month " + dayOfMonth + " is not 1 to " + LAST_DAY);
        }
    }

    /** What applies to a payee who set nothing for the currency: monthly, on the 1st, no bank account yet. */
    public static PayoutPreference byDefault(UUID partyId, CurrencyUnit currency) {
        return new PayoutPreference(partyId, currency, Frequency.MONTHLY, DEFAULT_DAY, null, null, null);
    }

    public boolean isDefault() {
        return updatedAt == null;
    }

    /** Whether the payee is paid on this (UTC) day. */
    public boolean dueOn(LocalDate day) {
        return switch (frequency) {
            case DAILY -> true;
            case MONTHLY -> Objects.equals(day.getDayOfMonth(), dayOfMonth);
        };
    }

    /** The first disbursement day on or after {@code day}. */
    public LocalDate nextDueOnOrAfter(LocalDate day) {
        return switch (frequency) {
            case DAILY -> day;
            case MONTHLY -> {
                var inMonth = day.withDayOfMonth(Objects.requireNonNull(dayOfMonth));
                yield inMonth.isBefore(day) ? inMonth.plusMonths(1) : inMonth;
            }
        };
    }
}
