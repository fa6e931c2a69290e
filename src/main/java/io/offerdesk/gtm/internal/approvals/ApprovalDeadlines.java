package io.offerdesk.gtm.internal.approvals;

import io.offerdesk.gtm.events.ApprovalEscalated;
import io.offerdesk.gtm.events.ApprovalOverdue;
import io.offerdesk.platform.DueWork;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A step's deadline: when it passes undecided, its approvers are reminded; when the escalation period after it passes
 * too, the party's administrators are told. Each approval is claimed with {@code SKIP LOCKED} and marked in the
 * transaction that publishes the event, so each reminder and escalation happens once whichever node runs it; an
 * approval decided or cancelled in the meantime is no longer open and is left alone.
 */
@Component
class ApprovalDeadlines implements DueWork {

    private static final int BATCH = 200;
    private static final Actor SYSTEM = Actor.system("Approval deadlines");

    private final ApprovalRepository approvals;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    ApprovalDeadlines(
            ApprovalRepository approvals, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.approvals = approvals;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        return approvals.nextDeadlineAfter(after);
    }

    @Override
    public void runDue(Instant now) {
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transactions.execute(status -> {
                var overdue = approvals.claimOverdue(now, BATCH);
                steps(overdue)
                        .forEach(step -> events.publishEvent(new ApprovalOverdue(
                                step.getFirst().offerId(),
                                step.getFirst().partyId(),
                                step.getFirst().requestId(),
                                step.getFirst().approval().step(),
                                step.stream()
                                        .map(o -> o.approval().role())
                                        .filter(Objects::nonNull)
                                        .map(Role::name)
                                        .toList(),
                                step.stream()
                                        .map(o -> o.approval().userId())
                                        .filter(Objects::nonNull)
                                        .toList(),
                                Objects.requireNonNull(
                                        step.getFirst().approval().dueAt()),
                                SYSTEM,
                                now)));
                var escalated = approvals.claimEscalations(now, BATCH);
                steps(escalated)
                        .forEach(step -> events.publishEvent(new ApprovalEscalated(
                                step.getFirst().offerId(),
                                step.getFirst().partyId(),
                                step.getFirst().requestId(),
                                step.getFirst().approval().step(),
                                step.stream().map(o -> o.approval().approver()).toList(),
                                Objects.requireNonNull(
                                        step.getFirst().approval().dueAt()),
                                SYSTEM,
                                now)));
                return overdue.size() == BATCH || escalated.size() == BATCH;
            }));
        }
    }

    /** The claimed approvals grouped by request and step: one event per step. */
    private static List<List<ApprovalRepository.OpenApproval>> steps(List<ApprovalRepository.OpenApproval> claimed) {
        var steps = new LinkedHashMap<String, List<ApprovalRepository.OpenApproval>>();
        claimed.forEach(
                o -> steps.computeIfAbsent(o.requestId() + "/" + o.approval().step(), k -> new java.util.ArrayList<>())
                        .add(o));
        return List.copyOf(steps.values());
    }
}
