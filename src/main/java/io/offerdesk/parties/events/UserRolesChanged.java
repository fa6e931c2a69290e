package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user's roles were replaced. */
public record UserRolesChanged(UUID partyId, UUID userId, List<String> roles, Actor actor, Instant occurredAt)
        implements UserEvent {}
