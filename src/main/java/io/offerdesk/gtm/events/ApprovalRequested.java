package io.offerdesk.gtm.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The author asked for the approvals a draft's revision needs.
 *
 * @param approvals each required approval as "step N: approver", in step order
 */
public record ApprovalRequested(
        String offerId,
        UUID sellerPartyId,
        UUID requestId,
        long offerRevision,
        List<String> approvals,
        Actor actor,
        Instant occurredAt)
        implements ApprovalEvent {

    public ApprovalRequested {
        approvals = List.copyOf(approvals);
    }
}
