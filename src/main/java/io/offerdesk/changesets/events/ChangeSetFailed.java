package io.offerdesk.changesets.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change set was not applied; nothing of it was kept.
 *
 * @param failureCode {@code CLIENT_ERROR} or {@code SERVER_FAULT}
 * @param errorCodes the codes of the rules its changes broke
 */
public record ChangeSetFailed(
        String changeSetId, UUID owner, String failureCode, List<String> errorCodes, Actor actor, Instant occurredAt)
        implements ChangeSetEvent {}
