package io.offerdesk.commitments.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;

/** A cost center got a new code or name. */
public record CostCenterRenamed(
        UUID partyId, String costCenterId, String code, String name, Actor actor, Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "cost-center";
    }

    @Override
    public String entityId() {
        return costCenterId;
    }

    @Override
    public String ownerPartyId() {
        return partyId.toString();
    }
}
