package io.offerdesk.changesets;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One change ready to apply: every {@code $ChangeName.Entity.Identifier} reference has been replaced by the id of the
 * entity that change created, and the revision has been split off the identifier.
 *
 * @param entityId the entity to change; absent for a creating change
 * @param details the {@code DetailsDocument} with references resolved
 */
public record ResolvedChange(
        String changeType,
        @Nullable String changeName,
        @Nullable String entityId,
        JsonNode details) {}
