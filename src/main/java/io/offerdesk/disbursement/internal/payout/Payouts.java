package io.offerdesk.disbursement.internal.payout;

import io.offerdesk.disbursement.events.DisbursementFailed;
import io.offerdesk.disbursement.events.DisbursementPaid;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.JournalEntry;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.Posting;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.RandomIds;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves payable balances out (ADR 0020). Every change of one payee's disbursements happens under the payee's lock row,
 * in one transaction with its ledger entry: a disbursement row commits exactly when its payout legs do.
 */
@Component
class Payouts {

    static final String DISBURSED = "DISBURSED";
    static final String DISBURSEMENT_FAILED = "DISBURSEMENT_FAILED";

    private static final String ID_PREFIX = "disb-";
    private static final int ID_LENGTH = 17;

    private final DisbursementRepository disbursements;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String node;

    Payouts(
            DisbursementRepository disbursements,
            Ledger ledger,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.disbursements = disbursements;
        this.ledger = ledger;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.node = nodeName();
    }

    /**
     * Pays the payee's balance for its disbursement day, unless it was paid for that day already, another node is
     * paying it right now, or the balance is not positive (a clawback waits for later collections).
     */
    Optional<Disbursement> disburseScheduled(
            LedgerAccount payee, LocalDate day, @Nullable String bankAccount, Actor by) {
        return Optional.ofNullable(transactions.execute(status -> {
            disbursements.ensurePayee(payee);
            if (!disbursements.lockPayee(payee, true) || disbursements.scheduledOn(payee, day)) {
                return null;
            }
            return pay(payee, day, null, bankAccount, by);
        }));
    }

    /**
     * Reports a paid disbursement's transfer failed: the payout is reversed, so its amount is payable again, and the
     * next run (or the operator's retry) pays it.
     */
    Disbursement markFailed(String id, String reason, Actor by) {
        return Objects.requireNonNull(transactions.execute(status -> {
            var found = disbursements.find(id).orElseThrow(() -> new NotFound("disbursement", id));
            disbursements.lockPayee(found.payee(), false);
            var locked = disbursements.find(id).orElseThrow();
            if (locked.status() != Disbursement.Status.PAID) {
                throw new Conflict("disbursements.conflict.notPaid", id);
            }
            var now = clock.instant();
            ledger.reverse(locked.ledgerKey(), Disbursement.failureKey(id), DISBURSEMENT_FAILED, now);
            disbursements.markFailed(id, now, by.name(), reason);
            events.publishEvent(
                    new DisbursementFailed(id, locked.payee().ownerPartyId(), locked.amount(), reason, by, now));
            return disbursements.find(id).orElseThrow();
        }));
    }

    /**
     * Pays a failed disbursement again, once: the payee's whole payable balance now, which holds the failed amount
     * given back and whatever was collected since.
     */
    Disbursement retry(String id, Actor by) {
        return Objects.requireNonNull(transactions.execute(status -> {
            var found = disbursements.find(id).orElseThrow(() -> new NotFound("disbursement", id));
            disbursements.lockPayee(found.payee(), false);
            var failed = disbursements.find(id).orElseThrow();
            if (failed.status() != Disbursement.Status.FAILED) {
                throw new Conflict("disbursements.conflict.notFailed", id);
            }
            if (failed.retriedBy() != null) {
                throw new Conflict("disbursements.conflict.retried", id, failed.retriedBy());
            }
            var paid = pay(failed.payee(), null, id, failed.bankAccount(), by);
            if (paid == null) {
                throw new Conflict("disbursements.conflict.nothingPayable", id);
            }
            return paid;
        }));
    }

    /** Pays the payee's positive balance, under its lock; null when there is none. */
    private @Nullable Disbursement pay(
            LedgerAccount payee,
            @Nullable LocalDate day,
            @Nullable String retryOf,
            @Nullable String bankAccount,
            Actor by) {
        var marked = ledger.markedBalance(payee);
        // A payable grows with credits.
        var payable = marked.balance().net().negated();
        if (!payable.isPositive()) {
            return null;
        }
        var now = clock.instant();
        var disbursement = new Disbursement(
                RandomIds.of(ID_PREFIX, ID_LENGTH, ThreadLocalRandom.current()),
                payee,
                payable,
                Disbursement.Status.PAID,
                day,
                retryOf,
                disbursements.lastSeq(payee) + 1,
                marked.mark(),
                bankAccount,
                now,
                by.name(),
                node,
                null,
                null,
                null,
                null);
        disbursements.insert(disbursement);
        var cash = LedgerAccount.marketplace(AccountRole.MARKETPLACE_CASH, payee.currency());
        ledger.post(new JournalEntry(
                disbursement.ledgerKey(),
                DISBURSED,
                disbursement.id(),
                now,
                java.util.List.of(new Posting(payee, cash, payable))));
        events.publishEvent(new DisbursementPaid(
                disbursement.id(), payee.ownerPartyId(), payee.role().name(), payable, retryOf, by, now));
        return disbursement;
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":"
                    + ProcessHandle.current().pid();
        } catch (UnknownHostException unknown) {
            return "unknown-host:" + ProcessHandle.current().pid();
        }
    }
}
