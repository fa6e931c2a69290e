package io.offerdesk.gtm.internal.approvals;

import io.offerdesk.offers.events.OfferReleased;
import io.offerdesk.offers.events.OfferUpdated;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows offers' changes: a draft changed after its approvals were requested invalidates them (the release check
 * compares revisions anyway; this ends the request and tells the trail), and a released offer's later changes no
 * longer concern its approvals. Idempotent: a redelivered change finds the requests it ended no longer open (and a
 * request made for the changed revision is not outdated by it), so nothing ends or is announced twice; a release is
 * recorded only on requests that have none yet.
 */
@Component
class OfferChangesForApprovals {

    /** The change type whose revision is the release itself, approved as it was. */
    private static final String RELEASE_OFFER = "ReleaseOffer";

    private final ApprovalRepository approvals;
    private final ApprovalWorkflow workflow;
    private final Clock clock;

    OfferChangesForApprovals(ApprovalRepository approvals, ApprovalWorkflow workflow, Clock clock) {
        this.approvals = approvals;
        this.workflow = workflow;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OfferUpdated updated) {
        if (updated.changeTypes().contains(RELEASE_OFFER)) {
            return;
        }
        var now = clock.instant();
        approvals
                .outdated(updated.sellerPartyId(), updated.offerId(), updated.revision())
                .forEach(request -> workflow.invalidate(
                        updated.sellerPartyId(), request, updated.revision(), updated.actor(), now));
    }

    @ApplicationModuleListener
    void on(OfferReleased released) {
        approvals.markReleased(released.sellerPartyId(), released.offerId(), released.occurredAt());
    }
}
