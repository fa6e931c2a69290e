package io.offerdesk.gtm.internal.strategy.domain;

/** What the strategy has to say about an offer's position. */
public enum Finding {
    /** No segment rule matches the offer. */
    NO_SEGMENT,
    /** The offer's segment is served by the public price, not by private offers. */
    PUBLIC_PRICE_SEGMENT,
    /** The offer's discount is above its segment's band. */
    DISCOUNT_ABOVE_BAND,
    /** The offer's discount is below its segment's band. */
    DISCOUNT_BELOW_BAND
}
