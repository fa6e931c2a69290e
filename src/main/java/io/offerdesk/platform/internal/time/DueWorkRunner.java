package io.offerdesk.platform.internal.time;

import io.offerdesk.platform.DueWork;
import io.offerdesk.platform.internal.retry.TransactionRetries;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs due work as real time passes. Each {@link DueWork} claims its own items, so every node may run this. */
@Component
class DueWorkRunner {

    private static final Logger log = LoggerFactory.getLogger(DueWorkRunner.class);

    private final Clock clock;
    private final List<DueWork> work;
    private final TransactionRetries retries;
    private final ObjectProvider<Simulation> simulation;

    DueWorkRunner(Clock clock, List<DueWork> work, TransactionRetries retries, ObjectProvider<Simulation> simulation) {
        this.clock = clock;
        this.work = DueWorkOrder.sorted(work);
        this.retries = retries;
        this.simulation = simulation;
    }

    /**
     * Set once the application starts shutting down: a poll then stops before the next job, since each would wait for
     * a database connection that the closing pool no longer gives.
     */
    private volatile boolean closing;

    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }

    @Scheduled(fixedDelayString = "${offerdesk.jobs.poll-interval:PT10S}", initialDelayString = "PT10S")
    void runDue() {
        // Another node may have moved simulated time; due work runs at the time they all agree on.
        simulation.ifAvailable(Simulation::catchUpNow);
        var now = clock.instant();
        for (var w : work) {
            if (closing) {
                return;
            }
            try {
                retries.run(() -> w.runDue(now));
            } catch (RuntimeException failure) {
                // One failing job must not starve the others; it is retried at the next poll.
                log.error("Due work {} failed at {}", w.getClass().getSimpleName(), now, failure);
            }
        }
    }
}
