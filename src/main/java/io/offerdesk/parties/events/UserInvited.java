package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A party invited a user; the user is not active until they accept. */
public record UserInvited(UUID partyId, UUID userId, String email, List<String> roles, Actor actor, Instant occurredAt)
        implements UserEvent {}
