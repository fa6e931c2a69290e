package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 1)
@EndToEndTest
@Import(SimulationTests.DailyWork.class)
class SimulationTests {

    static final String OPERATOR = "operator@offerdesk.example";

    /** Due work that falls due at every midnight UTC and remembers when it ran. */
    @TestConfiguration
    static class DailyWork {

        @Bean
        RecordingWork recordingWork() {
            return new RecordingWork();
        }
    }

    static class RecordingWork implements DueWork {

        final List<Instant> ranAt = new CopyOnWriteArrayList<>();

        @Override
        public Optional<Instant> nextDueAfter(Instant after) {
            return Optional.of(after.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)));
        }

        @Override
        public void runDue(Instant now) {
            ranAt.add(now);
        }
    }

    @Autowired
    TestApi api;

    @Autowired
    RecordingWork work;

    @Test
    void advancingRunsDueWorkAtEveryDueInstantInOrder() {
        var before = Instant.parse(
                api.get("/api/v1/simulation/clock", OPERATOR).json().at("/now").asString());
        work.ranAt.clear();

        var advanced = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"by\":\"P3D\"}");

        assertThat(advanced.status()).isEqualTo(200);
        var midnights = List.of(1, 2, 3).stream()
                .map(days -> before.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(days)))
                .toList();
        // Other due work in the shared database (retries, charges, renewals) may add stops between the midnights.
        assertThat(work.ranAt).containsSubsequence(midnights.toArray(Instant[]::new));
        assertThat(work.ranAt).isSorted();
        // Three midnights and the target at least; other due work in the shared database may add stops.
        assertThat(advanced.json().at("/stops").asInt()).isGreaterThanOrEqualTo(4);
        var after = Instant.parse(
                api.get("/api/v1/simulation/clock", OPERATOR).json().at("/now").asString());
        assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofDays(3));
    }

    @Test
    void refusesAdvancesThatBreakTheRulesNamingTheField() {
        var both = api.post(
                "/api/v1/simulation/clock/advance", OPERATOR, "{\"by\":\"P1D\",\"to\":\"2030-01-01T00:00:00Z\"}");
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.json().at("/errors/0/field").asString()).isEqualTo("to");

        var backwards = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"to\":\"2001-01-01T00:00:00Z\"}");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().at("/errors/0/field").asString()).isEqualTo("to");

        var tooFar = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"by\":\"P4000D\"}");
        assertThat(tooFar.status()).isEqualTo(422);

        var malformed = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"by\":\"three days\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().at("/errors/0/field").asString()).isEqualTo("by");
    }

    @Test
    void onlyTheOperatorMovesTheClock() {
        assertThat(api.post("/api/v1/simulation/clock/advance", "admin@acme.example", "{\"by\":\"P1D\"}")
                        .status())
                .isEqualTo(403);
    }
}
