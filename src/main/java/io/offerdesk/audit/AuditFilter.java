package io.offerdesk.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What to read from the trail; every criterion is optional. {@code ownerPartyId} restricts a party's admin to its
 * own entries and is set by the caller's role, never by the request.
 */
public record AuditFilter(
        @Nullable String ownerPartyId,
        @Nullable String entityType,
        @Nullable String entityId,
        @Nullable String action,
        @Nullable String actor,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Long beforeSequence,
        int limit) {

    public static final int MAX_LIMIT = 500;

    public AuditFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }
}
