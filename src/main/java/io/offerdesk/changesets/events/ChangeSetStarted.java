package io.offerdesk.changesets.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A party asked for changes; they wait to be applied. */
public record ChangeSetStarted(
        String changeSetId, UUID owner, String name, List<String> changeTypes, Actor actor, Instant occurredAt)
        implements ChangeSetEvent {}
