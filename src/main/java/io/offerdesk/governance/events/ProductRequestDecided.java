package io.offerdesk.governance.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An administrator approved or declined a product request.
 *
 * @param requestedBy the user who asked, to be told
 * @param approved whether the product is now allowed
 */
public record ProductRequestDecided(
        String requestId,
        UUID partyId,
        String productId,
        UUID requestedBy,
        boolean approved,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "product-request";
    }

    @Override
    public String entityId() {
        return requestId;
    }

    @Override
    public String ownerPartyId() {
        return partyId.toString();
    }
}
