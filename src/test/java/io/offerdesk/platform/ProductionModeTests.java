package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.TestApi;
import java.time.Clock;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Outside simulation mode the clock is real time and the time-travel controls do not exist. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"offerdesk.simulation=false"})
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 6)
@ActiveProfiles("test")
@Import(TestApi.class)
class ProductionModeTests {

    @Autowired
    TestApi api;

    @Autowired
    Clock clock;

    @Test
    void theSimulationControlsAreNotFound() {
        assertThat(api.get("/api/v1/simulation/clock", "operator@offerdesk.example")
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/simulation/clock/advance", "operator@offerdesk.example", "{\"by\":\"P1D\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theClockIsRealUtcTime() {
        assertThat(clock).isEqualTo(Clock.systemUTC());
    }
}
