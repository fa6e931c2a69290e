package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** A user was disabled or enabled. */
public record UserStatusChanged(UUID partyId, UUID userId, String status, Actor actor, Instant occurredAt)
        implements UserEvent {}
