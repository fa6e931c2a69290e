package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An invited user set a password and became active. */
public record InvitationAccepted(UUID partyId, UUID userId, Actor actor, Instant occurredAt) implements PartyEvent {

    @Override
    public String entityType() {
        return "user";
    }

    @Override
    public String entityId() {
        return userId.toString();
    }
}
