package io.offerdesk.gtm.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * The draft changed after its approvals were requested: what was (or was to be) approved is not what would be
 * released, so the request ends and the author must ask again.
 *
 * @param approvedRevision the revision the request was for
 * @param offerRevision the draft's revision now
 */
public record ApprovalInvalidated(
        String offerId,
        UUID sellerPartyId,
        UUID requestId,
        long approvedRevision,
        long offerRevision,
        Actor actor,
        Instant occurredAt)
        implements ApprovalEvent {}
