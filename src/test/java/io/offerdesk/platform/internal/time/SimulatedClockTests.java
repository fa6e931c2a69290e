package io.offerdesk.platform.internal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Each node's clock takes on the offset another node saved, and never goes back (ADR 0043). */
class SimulatedClockTests {

    static final Instant REAL = Instant.parse("2026-11-27T10:00:00Z");

    final SimulatedClock clock = new SimulatedClock(Clock.fixed(REAL, ZoneOffset.UTC), Duration.ofDays(3));

    @Test
    void anOffsetSavedAheadByAnotherNodeIsTakenOn() {
        clock.catchUp(Duration.ofDays(40));

        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofDays(40)));
    }

    @Test
    void anOffsetBehindThisNodesIsIgnoredSoTimeNeverGoesBack() {
        clock.moveTo(REAL.plus(Duration.ofDays(10)));

        clock.catchUp(Duration.ofDays(5));

        assertThat(clock.offset()).isEqualTo(Duration.ofDays(10));
        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofDays(10)));
    }
}
