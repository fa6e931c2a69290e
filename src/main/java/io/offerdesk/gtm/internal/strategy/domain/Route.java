package io.offerdesk.gtm.internal.strategy.domain;

/** How a segment of buyers is served. */
public enum Route {
    /** The product's public offer serves these buyers; a private offer for them is the exception. */
    PUBLIC_PRICE,
    /** These buyers get private offers. */
    PRIVATE_OFFER
}
