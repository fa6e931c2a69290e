package io.offerdesk.offers;

/** The state AWS reports for an offer; "expired" is not a state but follows from the availability end date. */
public enum OfferState {
    DRAFT("Draft"),
    RELEASED("Released");

    private final String wireName;

    OfferState(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the Catalog API, e.g. {@code Draft}. */
    public String wireName() {
        return wireName;
    }
}
