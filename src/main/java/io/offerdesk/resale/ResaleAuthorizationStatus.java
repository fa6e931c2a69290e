package io.offerdesk.resale;

/**
 * The status AWS reports: a draft is being built, an active authorization lets the partner create offers, a
 * restricted one ("Deactivated" in the portal) no longer does. Expiry is not a status: it follows from the
 * availability end date.
 */
public enum ResaleAuthorizationStatus {
    DRAFT("Draft"),
    ACTIVE("Active"),
    RESTRICTED("Restricted");

    private final String wireName;

    ResaleAuthorizationStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
