package io.offerdesk.shared;

/**
 * The entity does not exist for the caller. Raised alike for a missing entity and for another tenant's entity, so
 * that nobody can learn what other parties hold.
 */
public class NotFound extends RuntimeException {

    private final String entityType;
    private final String entityId;

    public NotFound(String entityType, String entityId) {
        super(entityType + " " + entityId + " not found");
        this.entityType = entityType;
        this.entityId = entityId;
    }

    public String entityType() {
        return entityType;
    }

    public String entityId() {
        return entityId;
    }
}
