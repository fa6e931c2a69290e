package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** An empty organizational unit was removed; its last name is kept for the audit trail. */
public record OrganizationalUnitRemoved(UUID partyId, UUID unitId, String name, Actor actor, Instant occurredAt)
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
