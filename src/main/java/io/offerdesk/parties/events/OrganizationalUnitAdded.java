package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A buyer organization gained an organizational unit. */
public record OrganizationalUnitAdded(
        UUID partyId, UUID unitId, @Nullable UUID parentId, String name, Actor actor, Instant occurredAt)
        implements PartyEvent {

    @Override
    public String entityType() {
        return "organizational-unit";
    }

    @Override
    public String entityId() {
        return unitId.toString();
    }
}
