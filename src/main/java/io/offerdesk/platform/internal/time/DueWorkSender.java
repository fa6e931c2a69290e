package io.offerdesk.platform.internal.time;

import io.offerdesk.platform.DueWork;
import io.offerdesk.platform.DueWorkSignals;
import io.offerdesk.platform.internal.retry.TransactionRetries;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * This node's senders of work made due by a commit (ADR 0054). A commit only signals; the work runs on virtual
 * threads of its own, at most {@code offerdesk.jobs.after-commit-runs} (4) at once per {@link DueWork} bean, each
 * holding a connection only for its short claim and logging transactions, so a burst of commits costs a few runs,
 * never one sender per committing request. Several runs overlap one run's wait for its receivers with another's
 * claim: one run at a time capped a node's webhooks below the latency target (bench). The committing thread used to
 * run the work itself in {@code afterCommit}, while its transaction's connection was still bound to it, and took a
 * second connection for the work's own transactions: under load, requests and listeners starved the pool that way.
 * Every run is {@link InFlight} until it stops, so that the simulated clock's stops wait for it.
 */
@Component
class DueWorkSender implements DueWorkSignals {

    private static final Logger log = LoggerFactory.getLogger(DueWorkSender.class);

    private final Clock clock;
    private final TransactionRetries retries;
    private final int runsAtOnce;
    private final InFlight inFlight;
    private final Map<DueWork, Flight> flights = new ConcurrentHashMap<>();

    /** Set once the application starts shutting down: a run then would wait for a connection the pool no longer gives. */
    private volatile boolean closing;

    DueWorkSender(
            Clock clock,
            TransactionRetries retries,
            InFlight inFlight,
            @Value("${offerdesk.jobs.after-commit-runs:4}") int runsAtOnce) {
        if (runsAtOnce < 1) {
            throw new IllegalArgumentException("offerdesk.jobs.after-commit-runs must be at least 1: " + runsAtOnce);
        }
        this.clock = clock;
        this.retries = retries;
        this.runsAtOnce = runsAtOnce;
        this.inFlight = inFlight;
    }

    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }

    @Override
    public void afterCommit(DueWork work) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal(work);
            }
        });
    }

    /** Has {@code work} run soon: starts another run of it, or has a running one go round once more. */
    void signal(DueWork work) {
        if (closing) {
            return;
        }
        var flight = flights.computeIfAbsent(work, w -> new Flight(w, runsAtOnce));
        if (flight.signal()) {
            try {
                inFlight.handOver(
                        () -> drain(flight),
                        run -> Thread.ofVirtual()
                                .name("due-work-sender-" + flight.name)
                                .start(run));
            } catch (RuntimeException | Error refused) {
                flight.abandon();
                throw refused;
            }
        }
    }

    private void drain(Flight flight) {
        var finished = false;
        try {
            do {
                if (closing) {
                    return;
                }
                try {
                    retries.run(() -> flight.work.runDue(clock.instant()));
                } catch (RuntimeException failure) {
                    log.warn(
                            "Due work {} failed after the commit that made it due; the poll retries it",
                            flight.name,
                            failure);
                }
            } while (!(finished = flight.finished()));
        } finally {
            if (!finished) {
                // Stopped early (closing, or an Error): the next signal must start a sender again.
                flight.abandon();
            }
        }
    }

    /**
     * One {@code DueWork}'s runs on this node: how many are running, and whether a signal arrived that no run has
     * taken yet (its commit may have made items due after every running claim, so a run goes round once more for it).
     * Signals beyond that fold into the pending round: it claims everything due when it starts. The state is one
     * integer, twice the number of runs plus the pending bit, so that both change together.
     */
    private static final class Flight {

        private static final int PENDING = 1;
        private static final int RUN = 2;

        private final DueWork work;
        private final String name;
        private final int runsAtOnce;
        private final AtomicInteger state = new AtomicInteger();

        Flight(DueWork work, int runsAtOnce) {
            this.work = work;
            this.name = ClassUtils.getUserClass(work).getSimpleName();
            this.runsAtOnce = runsAtOnce;
        }

        /** Whether the caller must start a run: fewer than the bound were running; otherwise the signal is pending. */
        boolean signal() {
            return runs(state.getAndUpdate(s -> runs(s) < runsAtOnce ? s + RUN : s | PENDING)) < runsAtOnce;
        }

        /** Whether a run may stop; if a signal is pending, the run takes it and goes round again. */
        boolean finished() {
            return (state.getAndUpdate(s -> (s & PENDING) != 0 ? s & ~PENDING : s - RUN) & PENDING) == 0;
        }

        void abandon() {
            state.addAndGet(-RUN);
        }

        private static int runs(int state) {
            return state / RUN;
        }
    }
}
