package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** A SigV4 access-key pair was issued; its secret is never recorded. */
public record AccessKeyIssued(UUID partyId, UUID userId, String accessKeyId, Actor actor, Instant occurredAt)
        implements AccessKeyEvent {}
