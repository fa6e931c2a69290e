package io.offerdesk.changesets.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every change of a change set was applied (or, for a validation-only change set, would have been).
 *
 * @param entityIdentifiers {@code id@revision} of each entity changed
 */
public record ChangeSetSucceeded(
        String changeSetId, UUID owner, List<String> entityIdentifiers, Actor actor, Instant occurredAt)
        implements ChangeSetEvent {}
