package io.offerdesk.platform.internal.time;

import io.offerdesk.platform.DueWork;
import io.offerdesk.platform.internal.retry.TransactionRetries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Service;

/**
 * Time travel for the simulator. Advancing does not jump: the clock stops at every instant at which some {@link
 * DueWork} has something due, runs all due work there, and goes on, so that effects happen in the order they would
 * have in real time. Each stop settles before the next: the clock waits for the listeners and after-commit senders
 * that the stop's commits set going on this node, as real time would have given them the time (a webhook posted at one
 * stop is not claimed again at the next, its retry time, while the post is in flight).
 */
@Service
@ConditionalOnBooleanProperty("offerdesk.simulation")
class Simulation {

    /** A ten-year jump is more than any contract Offerdesk allows (60 months plus 3 years of future start). */
    static final Duration LONGEST_ADVANCE = Duration.ofDays(3660);

    /** Longer than any listener or sender runs (a webhook post times out after 10 s); past it, the clock goes on. */
    static final Duration LONGEST_SETTLE = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(Simulation.class);

    record Advanced(Instant from, Instant to, int stops) {}

    private final SimulatedClock clock;
    private final SimulationOffsets offsets;
    private final List<DueWork> work;
    private final TransactionRetries retries;
    private final InFlight inFlight;
    private final Duration refresh;
    private final AtomicReference<Instant> caughtUp = new AtomicReference<>(Instant.EPOCH);

    Simulation(
            SimulatedClock clock,
            SimulationOffsets offsets,
            List<DueWork> work,
            TransactionRetries retries,
            InFlight inFlight,
            @Value("${offerdesk.simulation-refresh:PT1S}") Duration refresh) {
        this.clock = clock;
        this.offsets = offsets;
        this.work = DueWorkOrder.sorted(work);
        this.retries = retries;
        this.inFlight = inFlight;
        this.refresh = refresh;
    }

    /**
     * Takes on the offset another node saved: simulated time is one per database, not per node (ADR 0043). Requests
     * call this, so it reads the database at most once per {@code offerdesk.simulation-refresh} of real time.
     */
    void catchUp() {
        var real = clock.realInstant();
        var last = caughtUp.get();
        if (real.isBefore(last.plus(refresh)) || !caughtUp.compareAndSet(last, real)) {
            return;
        }
        catchUpNow();
    }

    /** Takes on the saved offset at once: before due work runs, so it runs at the time every node agrees on. */
    void catchUpNow() {
        clock.catchUp(offsets.load());
    }

    Instant now() {
        return clock.instant();
    }

    Duration offset() {
        return clock.offset();
    }

    synchronized Advanced advanceTo(Instant target) {
        catchUpNow();
        var from = clock.instant();
        var stops = 0;
        var now = from;
        while (now.isBefore(target)) {
            var stop = nextDueAfter(now).filter(due -> due.isBefore(target)).orElse(target);
            offsets.save(clock.moveTo(stop));
            work.forEach(w -> retries.run(() -> w.runDue(stop)));
            settle(stop);
            stops++;
            now = stop;
        }
        log.info("Simulated clock advanced from {} to {} with {} stops", from, target, stops);
        return new Advanced(from, clock.instant(), stops);
    }

    private void settle(Instant stop) {
        try {
            if (!inFlight.awaitNone(LONGEST_SETTLE)) {
                log.warn("Simulated clock goes on from {} while work its commits started still runs", stop);
            }
        } catch (InterruptedException interrupted) {
            // Shutting down: the remaining stops run without waiting, and the work left undone is due again later.
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Instant> nextDueAfter(Instant now) {
        return work.stream()
                .map(w -> w.nextDueAfter(now))
                .flatMap(Optional::stream)
                .filter(due -> due.isAfter(now))
                .min(Instant::compareTo);
    }
}
