package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** An invited user set a password and became active. */
public record InvitationAccepted(UUID partyId, UUID userId, Actor actor, Instant occurredAt) implements UserEvent {}
