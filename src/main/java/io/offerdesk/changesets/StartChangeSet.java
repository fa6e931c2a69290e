package io.offerdesk.changesets;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request to change entities.
 *
 * @param changes 1 to {@link ChangeSets#MAX_CHANGES} changes, all applied or none
 * @param name shown in lists; defaults to "Submitted by" and the owner's account
 * @param clientRequestToken makes retries safe: the same token with the same request returns the same change set
 * @param intent defaults to {@link Intent#APPLY}
 */
public record StartChangeSet(
        @Nullable List<RequestedChange> changes,
        @Nullable String name,
        @Nullable String clientRequestToken,
        @Nullable Intent intent) {

    /**
     * One change.
     *
     * @param changeType what to do, e.g. {@code UpdatePricingTerms}
     * @param entityType the entity type with its version, e.g. {@code Offer@1.0}
     * @param entityIdentifier {@code id}, {@code id@revision} or {@code $ChangeName.Entity.Identifier}; absent for a
     *     creating change
     * @param changeName lets later changes refer to the entity this change creates
     * @param details the change's {@code DetailsDocument}
     * @param entityTags tags for the entity the change creates or changes, applied with the change (the Catalog API's
     *     {@code EntityTags}); sorted by key, so that the same request is always written the same way
     */
    public record RequestedChange(
            @Nullable String changeType,
            @Nullable String entityType,
            @Nullable String entityIdentifier,
            @Nullable String changeName,
            @Nullable JsonNode details,
            Map<String, String> entityTags) {

        public RequestedChange {
            entityTags = entityTags == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(entityTags));
        }

        /** A change that tags nothing. */
        public RequestedChange(
                @Nullable String changeType,
                @Nullable String entityType,
                @Nullable String entityIdentifier,
                @Nullable String changeName,
                @Nullable JsonNode details) {
            this(changeType, entityType, entityIdentifier, changeName, details, Map.of());
        }
    }
}
