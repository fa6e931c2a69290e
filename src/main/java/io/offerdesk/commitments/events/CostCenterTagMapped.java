package io.offerdesk.commitments.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Usage allocated with the tag {@code key=value} is charged back to a cost center, or no longer to any ({@code costCenterId} absent). */
public record CostCenterTagMapped(
        UUID partyId, String key, String value, @Nullable String costCenterId, Actor actor, Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "allocation-tag";
    }

    @Override
    public String entityId() {
        return key + "=" + value;
    }

    @Override
    public String ownerPartyId() {
        return partyId.toString();
    }
}
