package io.offerdesk.disbursement.internal.payout.domain;

/** How often a payee is paid (reference §6.4): daily when the balance is positive, or monthly on a day 1–28. */
public enum Frequency {
    DAILY,
    MONTHLY
}
