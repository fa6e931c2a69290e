package io.offerdesk.ledger;

import io.offerdesk.ledger.internal.InvariantChecks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proves the ledger's invariants (see {@link InvariantCheck}) and keeps the balance checkpoints that balances are read
 * from. Once a day a job appends checkpoints and runs the check; anyone may run the check at any time. Each run is
 * stored with what it found.
 *
 * <p>The ledger depends on no other module, so this service has no schedule of its own: the module that runs due
 * work calls {@link #nextDailyCheckAfter(Instant)} and {@link #runDailyCheckIfDue(Instant)}.
 */
@Service
public class LedgerInvariants {

    private final InvariantChecks checks;
    private final Clock clock;
    /** One snapshot for every query of a check; checkpoints taken in it are what the check then proves. */
    private final TransactionTemplate snapshot;

    LedgerInvariants(InvariantChecks checks, Clock clock, PlatformTransactionManager transactions) {
        this.checks = checks;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs the check now and stores its result. */
    public InvariantCheck checkNow() {
        var started = System.nanoTime();
        var now = clock.instant();
        return Objects.requireNonNull(
                snapshot.execute(status -> checks.run(now, InvariantCheck.Trigger.ON_REQUEST, started)));
    }

    /** The result of the latest run, scheduled or not. */
    public Optional<InvariantCheck> lastCheck() {
        return checks.last();
    }

    /**
     * Appends a balance checkpoint for every account that moved since its last one; the daily job does this before
     * its check.
     *
     * @return how many accounts got one
     */
    public int takeCheckpoints(Instant now) {
        return Objects.requireNonNull(snapshot.execute(status -> checks.takeCheckpoints(now)));
    }

    /**
     * When the daily job has something to do: at the first midnight (UTC) after {@code after}, if entries were posted
     * since its last run. A ledger that did not move needs no new checkpoints, and simulated time travel then has
     * no reason to stop each day for it; in real time the job still runs daily ({@link #runDailyCheckIfDue}).
     */
    public Optional<Instant> nextDailyCheckAfter(Instant after) {
        var last = checks.lastScheduled();
        if (!checks.postedAfter(
                last.map(InvariantChecks.LastScheduled::lastEntryId).orElse(null))) {
            return Optional.empty();
        }
        return Optional.of(after.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)));
    }

    /**
     * Runs the daily job (checkpoints, then the check) if it has not run on {@code now}'s UTC day. One node runs it:
     * the others find it claimed or done.
     *
     * @return the day's check, if this call ran it
     */
    public Optional<InvariantCheck> runDailyCheckIfDue(Instant now) {
        var today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        var done = checks.lastScheduled()
                .filter(last -> !last.day().isBefore(today))
                .isPresent();
        if (done) {
            return Optional.empty();
        }
        var started = System.nanoTime();
        try {
            return Objects.requireNonNull(snapshot.execute(status -> {
                if (!checks.claimDailyRun()) {
                    return Optional.empty();
                }
                checks.takeCheckpoints(now);
                return Optional.of(checks.run(now, InvariantCheck.Trigger.SCHEDULED, started));
            }));
        } catch (DuplicateKeyException doneElsewhere) {
            // Another node ran today's check between our look and our claim; its run stands, ours rolled back.
            return Optional.empty();
        }
    }
}
