package io.offerdesk.changesets;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        List<Change> changes)
        implements Serializable {

    public ChangeSet {
        changes = List.copyOf(changes);
    }

    /**
     * One change and what became of it.
     *
     * @param entityIdentifier as requested until applied, then {@code id@revision} of the entity it changed
     * @param errors the rules the change broke, when the change set failed because of it
     * @param entityTags the tags the change puts on its entity when the change set is applied
     */
    public record Change(
            String changeType,
            @Nullable String changeName,
            String entityType,
            @Nullable String entityIdentifier,
            JsonNode details,
            List<ChangeError> errors,
            Map<String, String> entityTags)
            implements Serializable {

        public Change {
            errors = List.copyOf(errors);
            // change sets stored before changes carried tags have none
            entityTags = entityTags == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(entityTags));
        }

        /** The same change with other errors: how a change is reported after processing. */
        public Change withErrors(List<ChangeError> errors) {
            return new Change(changeType, changeName, entityType, entityIdentifier, details, errors, entityTags);
        }

        /** The same change naming the entity it changed as {@code id@revision}. */
        public Change withEntityIdentifier(@Nullable String entityIdentifier) {
            return new Change(changeType, changeName, entityType, entityIdentifier, details, errors, entityTags);
        }
    }
}
