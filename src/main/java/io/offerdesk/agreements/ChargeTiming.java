package io.offerdesk.agreements;

/** When an expected charge is invoiced, as AWS's {@code Timing}. */
public enum ChargeTiming {
    /** Invoiced as the buyer accepts (upfront prices, and a schedule's past-due first installment). */
    ON_ACCEPTANCE,
    /** Invoiced at 00:00 UTC on its date (installments). */
    SCHEDULED,
    /** Invoiced at the start of every billing period (subscriptions). */
    BILLING_PERIOD
}
