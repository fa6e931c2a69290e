package io.offerdesk.changesets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A change set as its owner sees it.
 *
 * @param arn {@code arn:aws:aws-marketplace:us-east-1:<account>:AWSMarketplace/ChangeSet/<id>}
 * @param endTime absent until the change set is final
 * @param failureCode present only when it failed
 * @param failureDescription a failure not tied to one change
 */
public record ChangeSet(
        String id,
        String arn,
        UUID ownerPartyId,
        String name,
        Intent intent,
        ChangeSetStatus status,
        @Nullable FailureCode failureCode,
        @Nullable String failureDescription,
        Instant startTime,
        @Nullable Instant endTime,
        String submittedBy,
        List<Change> changes) {

    public ChangeSet {
        changes = List.copyOf(changes);
    }

    /**
     * One change and what became of it.
     *
     * @param entityIdentifier as requested until applied, then {@code id@revision} of the entity it changed
     * @param errors the rules the change broke, when the change set failed because of it
     */
    public record Change(
            String changeType,
            @Nullable String changeName,
            String entityType,
            @Nullable String entityIdentifier,
            JsonNode details,
            List<ChangeError> errors) {

        public Change {
            errors = List.copyOf(errors);
        }
    }
}
