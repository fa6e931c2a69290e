package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** A bearer API key was revoked. */
public record ApiKeyRevoked(UUID partyId, UUID userId, String keyId, Actor actor, Instant occurredAt)
        implements ApiKeyEvent {}
