package io.offerdesk.analytics.internal.domain;

/** What the reconciliation report puts on its rows. */
public enum Grouping {
    MONTH,
    /** The ISV whose product it is. */
    SELLER,
    /** The channel partner that resold it; direct sales have none. */
    PARTNER,
    PRODUCT,
    /** Whoever is paid: the ISV for its part, the partner for its markup. */
    PAYEE
}
