package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A party gained an account. */
public record AccountAdded(
        UUID partyId,
        String accountId,
        String name,
        String kind,
        @Nullable UUID unitId,
        Actor actor,
        Instant occurredAt)
        implements PartyEvent {

    @Override
    public String entityType() {
        return "account";
    }

    @Override
    public String entityId() {
        return accountId;
    }
}
