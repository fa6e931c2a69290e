package io.offerdesk.platform.internal.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real UTC clock shifted by an offset that only grows. In simulation mode this is the application's one {@link
 * Clock}: moving the offset forward is how the operator travels in time.
 */
final class SimulatedClock extends Clock {

    private final Clock real;
    private final AtomicReference<Duration> offset;

    SimulatedClock(Clock real, Duration offset) {
        this.real = real;
        this.offset = new AtomicReference<>(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone.normalized())) {
            throw new IllegalArgumentException("Offerdesk keeps time in UTC, not " + zone);
        }
        return this;
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset.get());
    }

    Duration offset() {
        return offset.get();
    }

    /** The real time this clock shifts. */
    Instant realInstant() {
        return real.instant();
    }

    /** Takes on an offset saved by another node if it is ahead: the offset only grows, whichever node moved it. */
    void catchUp(Duration saved) {
        offset.accumulateAndGet(saved, (mine, theirs) -> theirs.compareTo(mine) > 0 ? theirs : mine);
    }

    /** Moves the clock so that it reads {@code target} now; never backwards. */
    Duration moveTo(Instant target) {
        return offset.updateAndGet(current -> {
            var wanted = Duration.between(real.instant(), target);
            return wanted.compareTo(current) > 0 ? wanted : current;
        });
    }
}
