package io.offerdesk.invoicing.internal.ledger;

import io.offerdesk.ledger.LedgerInvariants;
import io.offerdesk.platform.DueWork;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The ledger's daily job (balance checkpoints, then the invariant check) on the platform's clock: in real time
 * through the platform's poller, and at each stop of simulated time travel. The ledger depends on no module, so it
 * cannot implement {@link DueWork} itself; the schedule is its own ({@link LedgerInvariants#nextDailyCheckAfter}).
 */
@Component
class LedgerCheckSchedule implements DueWork {

    private final LedgerInvariants invariants;

    LedgerCheckSchedule(LedgerInvariants invariants) {
        this.invariants = invariants;
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        return invariants.nextDailyCheckAfter(after);
    }

    @Override
    public void runDue(Instant now) {
        invariants.runDailyCheckIfDue(now);
    }
}
