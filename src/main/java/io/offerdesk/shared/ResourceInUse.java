package io.offerdesk.shared;

/**
 * Another unfinished operation holds the entity (for example a running change set); nothing was changed. Retry once it
 * has finished.
 */
public class ResourceInUse extends RuntimeException {

    private final String entityId;

    public ResourceInUse(String entityId) {
        super(entityId + " is in use by another request");
        this.entityId = entityId;
    }

    public String entityId() {
        return entityId;
    }
}
