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
 * have in real time.
 */
@Service
@ConditionalOnBooleanProperty("offerdesk.simulation")
class Simulation {

    /** A ten-year jump is more than any contract Offerdesk allows (60 months plus 3 years of future start). */
    static final Duration LONGEST_ADVANCE = Duration.ofDays(3660);

    private static final Logger log = LoggerFactory.getLogger(Simulation.class);

    record Advanced(Instant from, Instant to, int stops) {}

    private final SimulatedClock clock;
    private final SimulationOffsets offsets;
    private final List<DueWork> work;
    private final TransactionRetries retries;
    private final Duration refresh;
    private final AtomicReference<Instant> caughtUp = new AtomicReference<>(Instant.EPOCH);

    Simulation(
            SimulatedClock clock,
            SimulationOffsets offsets,
            List<DueWork> work,
            TransactionRetries retries,
            @Value("${offerdesk.simulation-refresh:PT1S}") Duration refresh) {
        this.clock = clock;
        this.offsets = offsets;
        this.work = DueWorkOrder.sorted(work);
        this.retries = retries;
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
            stops++;
            now = stop;
        }
        log.info("Simulated clock advanced from {} to {} with {} stops", from, target, stops);
        return new Advanced(from, clock.instant(), stops);
    }

    private Optional<Instant> nextDueAfter(Instant now) {
        return work.stream()
                .map(w -> w.nextDueAfter(now))
                .flatMap(Optional::stream)
                .filter(due -> due.isAfter(now))
                .min(Instant::compareTo);
    }
}
