package io.offerdesk.platform.internal.time;

import io.offerdesk.platform.SimulatorControls;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The simulator controls on {@code platform.simulator_throttle}; the operator's side is {@link SimulatorControlsApi}. */
@Component
class JdbcSimulatorControls implements SimulatorControls {

    /** A throttle as the operator set it; {@code remaining} absent means until cleared. */
    /** The next change set of the party that changes the entity fails with the code. */
    record ChangeSetFailure(UUID partyId, String entityId, String errorCode) {}

    record Throttle(
            UUID partyId,
            String service,
            String operation,
            @Nullable Integer remaining) {}

    /** The last counted call ends its throttle. */
    private static final String LAST_CALL = """
            DELETE FROM platform.simulator_throttle
            WHERE party_id = :party AND service = :service AND operation = :operation AND remaining = 1
            """;

    /** Counts the call against a throttle of more calls; one until cleared (remaining NULL) stays NULL. */
    private static final String COUNT = """
            UPDATE platform.simulator_throttle SET remaining = remaining - 1
            WHERE party_id = :party AND service = :service AND operation = :operation
              AND remaining IS DISTINCT FROM 1
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcSimulatorControls(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean throttled(UUID partyId, String service, String operation) {
        return count(LAST_CALL, partyId, service, operation) || count(COUNT, partyId, service, operation);
    }

    private boolean count(String sql, UUID partyId, String service, String operation) {
        return jdbc.sql(sql)
                        .param("party", partyId)
                        .param("service", service)
                        .param("operation", operation)
                        .update()
                == 1;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<String> takeChangeSetFailure(UUID partyId, String entityId) {
        return jdbc.sql("""
                        DELETE FROM platform.simulator_change_set_failure
                        WHERE party_id = :party AND entity_id = :entity
                        RETURNING error_code
                        """)
                .param("party", partyId)
                .param("entity", entityId)
                .query(String.class)
                .optional();
    }

    @Override
    public Optional<Duration> changeSetDelay(UUID partyId) {
        return jdbc.sql("""
                        SELECT CAST(extract(epoch FROM delay) * 1000 AS bigint)
                        FROM platform.simulator_change_set_delay WHERE party_id = :party
                        """)
                .param("party", partyId)
                .query(Long.class)
                .optional()
                .map(Duration::ofMillis);
    }

    void delayChangeSets(UUID partyId, Duration delay) {
        jdbc.sql("""
                        INSERT INTO platform.simulator_change_set_delay (party_id, delay, created_at)
                        VALUES (:party, CAST(:delay AS interval), :now)
                        ON CONFLICT (party_id) DO UPDATE SET delay = EXCLUDED.delay
                        """)
                .param("party", partyId)
                .param("delay", delay.toMillis() + " milliseconds")
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    boolean clearChangeSetDelay(UUID partyId) {
        return jdbc.sql("DELETE FROM platform.simulator_change_set_delay WHERE party_id = :party")
                        .param("party", partyId)
                        .update()
                == 1;
    }

    List<ChangeSetFailure> changeSetFailures() {
        return jdbc.sql("""
                        SELECT party_id, entity_id, error_code FROM platform.simulator_change_set_failure
                        ORDER BY created_at, party_id, entity_id
                        """)
                .query((rs, n) -> new ChangeSetFailure(
                        rs.getObject("party_id", UUID.class), rs.getString("entity_id"), rs.getString("error_code")))
                .list();
    }

    void failNextChangeSet(ChangeSetFailure failure) {
        jdbc.sql("""
                        INSERT INTO platform.simulator_change_set_failure (party_id, entity_id, error_code, created_at)
                        VALUES (:party, :entity, :code, :now)
                        ON CONFLICT (party_id, entity_id) DO UPDATE SET error_code = EXCLUDED.error_code
                        """)
                .param("party", failure.partyId())
                .param("entity", failure.entityId())
                .param("code", failure.errorCode())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    boolean clearChangeSetFailure(UUID partyId, String entityId) {
        return jdbc.sql("""
                        DELETE FROM platform.simulator_change_set_failure WHERE party_id = :party AND entity_id = :entity
                        """).param("party", partyId).param("entity", entityId).update() == 1;
    }

    List<Throttle> throttles() {
        return jdbc.sql("""
                        SELECT party_id, service, operation, remaining FROM platform.simulator_throttle
                        ORDER BY created_at, party_id, service, operation
                        """)
                .query((rs, n) -> new Throttle(
                        rs.getObject("party_id", UUID.class),
                        rs.getString("service"),
                        rs.getString("operation"),
                        rs.getObject("remaining", Integer.class)))
                .list();
    }

    void throttle(Throttle throttle) {
        jdbc.sql("""
                        INSERT INTO platform.simulator_throttle (party_id, service, operation, remaining, created_at)
                        VALUES (:party, :service, :operation, :remaining, :now)
                        ON CONFLICT (party_id, service, operation) DO UPDATE SET remaining = EXCLUDED.remaining
                        """)
                .param("party", throttle.partyId())
                .param("service", throttle.service())
                .param("operation", throttle.operation())
                .param("remaining", throttle.remaining())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    boolean clear(UUID partyId, String service, String operation) {
        return jdbc.sql("""
                        DELETE FROM platform.simulator_throttle
                        WHERE party_id = :party AND service = :service AND operation = :operation
                        """)
                        .param("party", partyId)
                        .param("service", service)
                        .param("operation", operation)
                        .update()
                == 1;
    }
}
