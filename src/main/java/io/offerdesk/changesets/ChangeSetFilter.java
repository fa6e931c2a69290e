package io.offerdesk.changesets;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which of a party's change sets to list, as ListChangeSets filters them; every filter given must hold. Time bounds
 * are inclusive.
 *
 * @param sortByEndTime sort by end time instead of start time
 * @param ascending oldest first instead of newest first
 */
public record ChangeSetFilter(
        @Nullable ChangeSetStatus status,
        @Nullable String name,
        @Nullable String entityId,
        @Nullable Instant startedAfter,
        @Nullable Instant startedBefore,
        @Nullable Instant endedAfter,
        @Nullable Instant endedBefore,
        boolean sortByEndTime,
        boolean ascending) {

    public static ChangeSetFilter newestFirst() {
        return new ChangeSetFilter(null, null, null, null, null, null, null, false, false);
    }
}
