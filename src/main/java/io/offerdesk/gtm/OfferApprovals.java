package io.offerdesk.gtm;

import io.offerdesk.platform.OfferdeskPrincipal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Approval workflows on offers: a seller's (or channel partner's) policy selects the approvals a draft needs; the
 * author requests them for the draft's revision; approvers approve or reject step by step; the offer is released only
 * once every required approval of its current revision is in. Another party's offer does not exist here either.
 */
public interface OfferApprovals {

    /**
     * An offer's approvals at a glance.
     *
     * @param required the approvals the party's policy asks of the offer as it is now, as "approver (step n)"
     * @param latest the offer's latest request, whatever became of it
     * @param releasable whether a release would pass the approval check now
     */
    record Overview(
            String offerId,
            long offerRevision,
            boolean draft,
            List<String> required,
            @Nullable ApprovalRequest latest,
            boolean releasable,
            List<ApprovalTrailEntry> trail) {

        public Overview {
            required = List.copyOf(required);
            trail = List.copyOf(trail);
        }
    }

    /** An approval waiting for the user, with the offer it is for. */
    record Waiting(String offerId, long offerRevision, UUID requestId, Approval approval) {}

    Overview overview(OfferdeskPrincipal me, String offerId);

    /**
     * Requests the approvals the draft's current revision needs; answers the pending request when one exists for it.
     * Needs an offer author or administrator.
     */
    ApprovalRequest request(OfferdeskPrincipal me, String offerId);

    ApprovalRequest approve(OfferdeskPrincipal me, String offerId, String approvalId, @Nullable String comment);

    /** Rejects the request; the comment (why) is required. */
    ApprovalRequest reject(OfferdeskPrincipal me, String offerId, String approvalId, @Nullable String comment);

    /** The open approvals the user may decide, soonest deadline first. */
    List<Waiting> waiting(OfferdeskPrincipal me);
}
