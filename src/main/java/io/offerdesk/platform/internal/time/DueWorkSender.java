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
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * This node's senders of work made due by a commit (ADR 0054). A commit only signals; the work runs on a virtual
 * thread of its own, at most one per {@link DueWork} bean, so a burst of commits costs one run and a few connections
 * in turn, never one sender per committing request. The committing thread used to run the work itself in {@code
 * afterCommit}, while its transaction's connection was still bound to it, and took a second connection for the
 * work's own transactions: under load, requests and listeners starved the pool that way.
 */
@Component
class DueWorkSender implements DueWorkSignals {

    private static final Logger log = LoggerFactory.getLogger(DueWorkSender.class);

    private final Clock clock;
    private final TransactionRetries retries;
    private final Map<DueWork, Flight> flights = new ConcurrentHashMap<>();

    /** Set once the application starts shutting down: a run then would wait for a connection the pool no longer gives. */
    private volatile boolean closing;

    DueWorkSender(Clock clock, TransactionRetries retries) {
        this.clock = clock;
        this.retries = retries;
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

    /** Has {@code work} run soon: starts its sender, or has the running one go round once more. */
    void signal(DueWork work) {
        if (closing) {
            return;
        }
        var flight = flights.computeIfAbsent(work, Flight::new);
        if (flight.signal()) {
            Thread.ofVirtual().name("due-work-sender-" + flight.name).start(() -> drain(flight));
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
     * One {@code DueWork}'s sender state: idle, running, or running with a signal that arrived after the run began
     * (which may have committed items the run's claim no longer sees, so one more run follows). Signals beyond that
     * fold into the pending run: it claims everything due when it starts.
     */
    private static final class Flight {

        private static final int IDLE = 0;
        private static final int RUNNING = 1;
        private static final int SIGNALLED = 2;

        private final DueWork work;
        private final String name;
        private final AtomicInteger state = new AtomicInteger(IDLE);

        Flight(DueWork work) {
            this.work = work;
            this.name = ClassUtils.getUserClass(work).getSimpleName();
        }

        /** Whether the caller must start the sender: it was idle. */
        boolean signal() {
            return state.getAndUpdate(s -> s == IDLE ? RUNNING : SIGNALLED) == IDLE;
        }

        /** Whether the sender may stop; if a signal arrived during the run, it must run once more. */
        boolean finished() {
            if (state.compareAndSet(RUNNING, IDLE)) {
                return true;
            }
            state.set(RUNNING);
            return false;
        }

        void abandon() {
            state.set(IDLE);
        }
    }
}
