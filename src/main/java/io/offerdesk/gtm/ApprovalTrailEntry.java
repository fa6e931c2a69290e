package io.offerdesk.gtm;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to an offer's approvals, as the offer page lists them.
 *
 * @param action the event's name, e.g. {@code ApprovalGranted}
 */
public record ApprovalTrailEntry(
        UUID requestId,
        String action,
        @Nullable Integer step,
        String actor,
        @Nullable String comment,
        Instant occurredAt) {}
