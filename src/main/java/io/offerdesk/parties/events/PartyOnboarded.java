package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** The operator onboarded a party. */
public record PartyOnboarded(UUID partyId, String kind, String name, Actor actor, Instant occurredAt)
        implements PartyEvent {

    @Override
    public String entityType() {
        return "party";
    }

    @Override
    public String entityId() {
        return partyId.toString();
    }
}
