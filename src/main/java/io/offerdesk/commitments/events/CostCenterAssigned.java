package io.offerdesk.commitments.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An agreement was charged back to a cost center from now on, or to none ({@code costCenterId} absent). */
public record CostCenterAssigned(
        UUID partyId, String agreementId, @Nullable String costCenterId, Actor actor, Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "agreement";
    }

    @Override
    public String entityId() {
        return agreementId;
    }

    @Override
    public String ownerPartyId() {
        return partyId.toString();
    }
}
