package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** An account moved to another organizational unit. */
public record AccountMoved(UUID partyId, String accountId, UUID unitId, Actor actor, Instant occurredAt)
        implements OrganizationEvent {

    @Override
    public String entityType() {
        return "account";
    }

    @Override
    public String entityId() {
        return accountId;
    }
}
