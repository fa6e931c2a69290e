package io.offerdesk.offers;

/**
 * The status the seller portal shows: a draft, a released offer buyers can still accept, or one whose availability
 * end date has passed. Extending an expired offer's end date makes it active again.
 */
public enum OfferStatus {
    DRAFT,
    ACTIVE,
    EXPIRED
}
