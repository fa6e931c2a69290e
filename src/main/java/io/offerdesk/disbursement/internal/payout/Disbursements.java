package io.offerdesk.disbursement.internal.payout;

import io.offerdesk.disbursement.internal.payout.domain.PayoutReport;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Validations;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Disbursements as their readers see them, their reports, and the operator's failed-transfer and retry actions. */
@Service
public class Disbursements {

    public static final int MAX_LIMIT = 200;
    public static final int MAX_REASON = 500;

    private final DisbursementRepository disbursements;
    private final Payouts payouts;
    private final Ledger ledger;
    private final DisbursementRun run;
    private final Clock clock;

    Disbursements(
            DisbursementRepository disbursements, Payouts payouts, Ledger ledger, DisbursementRun run, Clock clock) {
        this.disbursements = disbursements;
        this.payouts = payouts;
        this.ledger = ledger;
        this.run = run;
        this.clock = clock;
    }

    /**
     * Runs today's disbursements now (operator), as the clock does at 00:00 UTC: payees already paid today are not
     * paid again.
     *
     * @return how many payees it paid
     */
    public int runNow(OfferdeskPrincipal me) {
        DisbursementAccess.requireOperator(me);
        return run.pay(clock.instant());
    }

    /** Latest first: the operator's of every payee, a payee's its own. */
    public List<Disbursement> list(OfferdeskPrincipal me, @Nullable String status, int offset, int limit) {
        DisbursementAccess.requireReader(me);
        Validations.checkPage(offset, limit, MAX_LIMIT);
        return disbursements.list(me.isOperator() ? null : me.partyId(), status(status), offset, limit);
    }

    public Disbursement find(OfferdeskPrincipal me, String id) {
        DisbursementAccess.requireReader(me);
        return DisbursementAccess.readable(
                me, disbursements.find(id).orElseThrow(() -> new NotFound("disbursement", id)));
    }

    /** Every ledger entry the disbursement covers: the payable's movements since the payee's previous disbursement. */
    public PayoutReport report(OfferdeskPrincipal me, String id) {
        return report(find(me, id));
    }

    PayoutReport report(Disbursement disbursement) {
        var previous = disbursement.seq() == 1
                ? null
                : disbursements
                        .bySeq(disbursement.payee(), disbursement.seq() - 1)
                        .orElseThrow()
                        .mark();
        return PayoutReport.of(
                disbursement.amount(), ledger.movements(disbursement.payee(), previous, disbursement.mark()));
    }

    /** Paid out per month and currency: the operator's for all payees, a payee's its own. */
    public List<MonthTotal> monthly(OfferdeskPrincipal me) {
        DisbursementAccess.requireReader(me);
        return disbursements.monthly(me.isOperator() ? null : me.partyId());
    }

    public List<RunDay> runDays(OfferdeskPrincipal me, int offset, int limit) {
        DisbursementAccess.requireOperator(me);
        Validations.checkPage(offset, limit, MAX_LIMIT);
        return disbursements.runDays(offset, limit);
    }

    public Disbursement markFailed(OfferdeskPrincipal me, String id, @Nullable String reason) {
        DisbursementAccess.requireOperator(me);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "validation.required");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInput("reason", "validation.maxLength", MAX_REASON);
        }
        return payouts.markFailed(id, reason.strip(), me.actor());
    }

    public Disbursement retry(OfferdeskPrincipal me, String id) {
        DisbursementAccess.requireOperator(me);
        return payouts.retry(id, me.actor());
    }

    private static Disbursement.@Nullable Status status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Disbursement.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(
                    "status",
                    "validation.enum",
                    List.of(Disbursement.Status.values()).toString());
        }
    }
}
