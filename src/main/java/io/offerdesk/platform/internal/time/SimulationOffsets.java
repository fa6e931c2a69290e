package io.offerdesk.platform.internal.time;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keeps the simulated clock's offset in the database, so simulated time survives a restart. */
@Repository
@ConditionalOnBooleanProperty("offerdesk.simulation")
class SimulationOffsets {

    private static final String LOAD = "SELECT offset_millis FROM platform.simulation_clock WHERE id = 1";
    private static final String SAVE = """
            INSERT INTO platform.simulation_clock (id, offset_millis) VALUES (1, :offset)
            ON CONFLICT (id) DO UPDATE SET offset_millis = GREATEST(simulation_clock.offset_millis, :offset)
            """;

    private final JdbcClient jdbc;

    SimulationOffsets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Duration load() {
        return jdbc.sql(LOAD)
                .query(Long.class)
                .optional()
                .map(Duration::ofMillis)
                .orElse(Duration.ZERO);
    }

    void save(Duration offset) {
        jdbc.sql(SAVE).param("offset", offset.toMillis()).update();
    }
}
