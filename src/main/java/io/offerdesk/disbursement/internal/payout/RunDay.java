package io.offerdesk.disbursement.internal.payout;

import java.time.LocalDate;

/**
 * One UTC day of the disbursement run in one currency, as the operator sees it: how many disbursements it made
 * (scheduled and retries), what they paid (minor units, failed transfers left out) and how many failed.
 */
public record RunDay(LocalDate day, String currency, long disbursements, long paidMinor, long failed) {}
