package io.offerdesk.changesets.events;

import io.offerdesk.shared.AuditedEvent;
import java.util.UUID;

/** Every change-set event is audited and belongs to the party that started the change set. */
public sealed interface ChangeSetEvent extends AuditedEvent
        permits ChangeSetStarted, ChangeSetSucceeded, ChangeSetFailed, ChangeSetCancelled {

    String changeSetId();

    /** The party that started the change set. */
    UUID owner();

    @Override
    default String entityType() {
        return "change-set";
    }

    @Override
    default String entityId() {
        return changeSetId();
    }

    @Override
    default String ownerPartyId() {
        return owner().toString();
    }
}
