package io.offerdesk.changesets.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** The owner cancelled a change set before it started applying. */
public record ChangeSetCancelled(String changeSetId, UUID owner, Actor actor, Instant occurredAt)
        implements ChangeSetEvent {}
