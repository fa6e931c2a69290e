package io.offerdesk.governance.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;

/** A user asked the organization's private-marketplace administrators to allow a product. */
public record ProductRequested(
        String requestId,
        UUID partyId,
        String accountId,
        String productId,
        String experienceId,
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
