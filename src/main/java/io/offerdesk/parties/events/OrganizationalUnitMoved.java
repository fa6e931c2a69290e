package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** An organizational unit moved under another parent unit, with everything in it. */
public record OrganizationalUnitMoved(UUID partyId, UUID unitId, UUID parentId, Actor actor, Instant occurredAt)
        implements OrganizationEvent {

    @Override
    public String entityType() {
        return "organizational-unit";
    }

    @Override
    public String entityId() {
        return unitId.toString();
    }
}
