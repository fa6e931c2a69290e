package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** A bearer API key was issued; its secret is never recorded. */
public record ApiKeyIssued(UUID partyId, UUID userId, String keyId, String name, Actor actor, Instant occurredAt)
        implements ApiKeyEvent {}
