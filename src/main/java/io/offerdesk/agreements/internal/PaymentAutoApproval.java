package io.offerdesk.agreements.internal;

import io.offerdesk.platform.DueWork;
import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approves payment requests whose buyer chose AUTO_APPROVE_ON_EXPIRATION once their expiration duration has passed.
 * Each node claims whole agreements with {@code SKIP LOCKED} and approves their due requests once; a request the
 * buyer decided on first is no longer pending and stays as the buyer left it.
 */
@Component
class PaymentAutoApproval implements DueWork {

    private static final int BATCH = 200;
    private static final Actor SYSTEM = Actor.system("Payment request auto-approval");

    private final AgreementRepository agreements;
    private final PaymentRequestRepository requests;
    private final PaymentApproval approval;
    private final TransactionTemplate transactions;

    PaymentAutoApproval(
            AgreementRepository agreements,
            PaymentRequestRepository requests,
            PaymentApproval approval,
            TransactionTemplate transactions) {
        this.agreements = agreements;
        this.requests = requests;
        this.approval = approval;
        this.transactions = transactions;
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        return requests.nextAutoApproval();
    }

    @Override
    public void runDue(Instant now) {
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transactions.execute(status -> {
                var claimed = requests.claimAgreementsDueForApproval(now, BATCH);
                for (var id : claimed) {
                    var agreement = agreements.find(id).orElseThrow();
                    for (var pending : requests.lockPending(id)) {
                        var due = pending.autoApproveAt();
                        if (due == null || due.isAfter(now)) {
                            continue;
                        }
                        if (agreement.isActive()) {
                            approval.approve(agreement, pending, null, SYSTEM, now);
                            // The next approval of this agreement numbers its charge after this one.
                            agreement = agreements.find(id).orElseThrow();
                        } else {
                            approval.close(pending.fail("Agreement " + id + " is no longer active.", now), SYSTEM);
                        }
                    }
                }
                return claimed.size() == BATCH;
            }));
        }
    }
}
