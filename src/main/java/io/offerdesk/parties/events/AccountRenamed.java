package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** An account got a new name. */
public record AccountRenamed(UUID partyId, String accountId, String name, Actor actor, Instant occurredAt)
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
