package io.offerdesk.platform.internal.time;

import io.offerdesk.platform.SimulatorControls;
import java.io.Serializable;
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

/** The simulator controls on {@code platform.simulator_*}; the operator's side is {@link SimulatorControlsApi}. */
@Component
class JdbcSimulatorControls implements SimulatorControls {

    /** The next change set of the party that changes the entity fails with the code. */
    record ChangeSetFailure(UUID partyId, String entityId, String errorCode) {}

    /** The party's change sets are applied {@code delay} after their start. */
    record ChangeSetDelay(UUID partyId, Duration delay) {}

    /** A fault as the operator set it: the modeled error to answer with; {@code remaining} absent means until cleared. */
    record Fault(
            UUID partyId,
            String service,
            String operation,
            String errorCode,
            @Nullable Integer remaining) implements Serializable {}

    /** The last counted call ends its fault. */
    private static final String LAST_CALL = """
            DELETE FROM platform.simulator_fault
            WHERE party_id = :party AND service = :service AND operation = :operation AND remaining = 1
            RETURNING error_code
            """;

    /** Counts the call against a fault of more calls; one until cleared (remaining NULL) stays NULL. */
    private static final String COUNT = """
            UPDATE platform.simulator_fault SET remaining = remaining - 1
            WHERE party_id = :party AND service = :service AND operation = :operation
              AND remaining IS DISTINCT FROM 1
            RETURNING error_code
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcSimulatorControls(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<String> fault(UUID partyId, String service, String operation) {
        return count(LAST_CALL, partyId, service, operation).or(() -> count(COUNT, partyId, service, operation));
    }

    private Optional<String> count(String sql, UUID partyId, String service, String operation) {
        return jdbc.sql(sql)
                .param("party", partyId)
                .param("service", service)
                .param("operation", operation)
                .query(String.class)
                .optional();
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

    List<ChangeSetDelay> changeSetDelays() {
        return jdbc.sql("""
                        SELECT party_id, CAST(extract(epoch FROM delay) * 1000 AS bigint) AS millis
                        FROM platform.simulator_change_set_delay ORDER BY created_at, party_id
                        """)
                .query((rs, n) -> new ChangeSetDelay(
                        rs.getObject("party_id", UUID.class), Duration.ofMillis(rs.getLong("millis"))))
                .list();
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

    List<Fault> faults() {
        return jdbc.sql("""
                        SELECT party_id, service, operation, error_code, remaining FROM platform.simulator_fault
                        ORDER BY created_at, party_id, service, operation
                        """)
                .query((rs, n) -> new Fault(
                        rs.getObject("party_id", UUID.class),
                        rs.getString("service"),
                        rs.getString("operation"),
                        rs.getString("error_code"),
                        rs.getObject("remaining", Integer.class)))
                .list();
    }

    void fault(Fault fault) {
        jdbc.sql("""
                        INSERT INTO platform.simulator_fault
                            (party_id, service, operation, error_code, remaining, created_at)
                        VALUES (:party, :service, :operation, :code, :remaining, :now)
                        ON CONFLICT (party_id, service, operation)
                        DO UPDATE SET error_code = EXCLUDED.error_code, remaining = EXCLUDED.remaining
                        """)
                .param("party", fault.partyId())
                .param("service", fault.service())
                .param("operation", fault.operation())
                .param("code", fault.errorCode())
                .param("remaining", fault.remaining())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    boolean clear(UUID partyId, String service, String operation) {
        return jdbc.sql("""
                        DELETE FROM platform.simulator_fault
                        WHERE party_id = :party AND service = :service AND operation = :operation
                        """)
                        .param("party", partyId)
                        .param("service", service)
                        .param("operation", operation)
                        .update()
                == 1;
    }
}
