package io.offerdesk.resale;

/**
 * How far the partner has used an authorization, AWS's {@code OfferDetails.OfferExtendedStatus}: no offer yet, used up
 * (a single-use authorization's one offer, or offers made from one that can make no more), or used and still usable.
 */
public enum OfferExtendedStatus {
    NOT_STARTED("Not Started"),
    COMPLETED_USED("Completed-Used"),
    COMPLETED_USABLE("Completed-Usable");

    private final String wireName;

    OfferExtendedStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
