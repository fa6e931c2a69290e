package io.offerdesk.gtm.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An approver approved their part of a step.
 *
 * @param approver the approver as the policy names it (a role or a user)
 * @param complete whether every approval the request needs is now in
 */
public record ApprovalGranted(
        String offerId,
        UUID sellerPartyId,
        UUID requestId,
        int step,
        String approver,
        @Nullable String comment,
        boolean complete,
        Actor actor,
        Instant occurredAt)
        implements ApprovalEvent {}
