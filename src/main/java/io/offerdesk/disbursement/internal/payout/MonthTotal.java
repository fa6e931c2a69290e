package io.offerdesk.disbursement.internal.payout;

/** What was paid out in a month (yyyy-MM, UTC) and currency, in minor units; failed transfers left out. */
public record MonthTotal(String month, String currency, long amountMinor) {}
