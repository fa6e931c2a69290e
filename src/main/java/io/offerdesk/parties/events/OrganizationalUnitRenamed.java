package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** An organizational unit got a new name. */
public record OrganizationalUnitRenamed(UUID partyId, UUID unitId, String name, Actor actor, Instant occurredAt)
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
