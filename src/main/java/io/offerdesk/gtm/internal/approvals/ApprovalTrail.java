package io.offerdesk.gtm.internal.approvals;

import io.offerdesk.gtm.events.ApprovalEscalated;
import io.offerdesk.gtm.events.ApprovalEvent;
import io.offerdesk.gtm.events.ApprovalGranted;
import io.offerdesk.gtm.events.ApprovalInvalidated;
import io.offerdesk.gtm.events.ApprovalOverdue;
import io.offerdesk.gtm.events.ApprovalRejected;
import io.offerdesk.gtm.events.ApprovalRequested;
import io.offerdesk.gtm.events.ApprovalStepOpened;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the trail the offer page shows, written in the transaction that publishes each approval event (as the audit
 * module writes its row), so the page and the audit trail never disagree.
 */
@Component
class ApprovalTrail {

    private final ApprovalRepository approvals;

    ApprovalTrail(ApprovalRepository approvals) {
        this.approvals = approvals;
    }

    @EventListener
    void on(ApprovalEvent event) {
        Integer step = switch (event) {
            case ApprovalRequested r -> null;
            case ApprovalStepOpened o -> o.step();
            case ApprovalGranted g -> g.step();
            case ApprovalRejected r -> r.step();
            case ApprovalInvalidated i -> null;
            case ApprovalOverdue o -> o.step();
            case ApprovalEscalated e -> e.step();
        };
        String comment = switch (event) {
            case ApprovalRequested r -> "revision " + r.offerRevision() + ": " + String.join(", ", r.approvals());
            case ApprovalGranted g -> g.comment();
            case ApprovalRejected r -> r.comment();
            case ApprovalInvalidated i ->
                "revision " + i.approvedRevision() + " replaced by revision " + i.offerRevision();
            case ApprovalEscalated e -> String.join(", ", e.waitingFor());
            case ApprovalStepOpened o -> null;
            case ApprovalOverdue o -> null;
        };
        approvals.trail(
                event.sellerPartyId(),
                event.offerId(),
                event.requestId(),
                event.action(),
                step,
                event.actor().name(),
                comment,
                event.occurredAt());
    }
}
