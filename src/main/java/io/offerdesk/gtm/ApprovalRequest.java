package io.offerdesk.gtm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request for the approvals one revision of a draft needs.
 *
 * @param offerRevision the revision the approvals are for; a later revision of the draft invalidates them
 * @param approvals in step order
 */
public record ApprovalRequest(
        UUID id,
        String offerId,
        long offerRevision,
        Status status,
        String requestedBy,
        Instant requestedAt,
        @Nullable Instant closedAt,
        List<Approval> approvals) {

    public enum Status {
        /** Some approvals are still to come. */
        PENDING,
        /** Every approval is in: the revision may be released. */
        APPROVED,
        /** An approver rejected it. */
        REJECTED,
        /** The draft changed after the request. */
        INVALIDATED
    }

    public ApprovalRequest {
        approvals = List.copyOf(approvals);
    }

    /** The approvals not given yet, in step order. */
    public List<Approval> missing() {
        return approvals.stream()
                .filter(a -> a.state() != Approval.State.APPROVED)
                .toList();
    }
}
