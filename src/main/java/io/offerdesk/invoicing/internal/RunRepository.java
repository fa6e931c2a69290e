package io.offerdesk.invoicing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invoicing runs and their progress, which each batch commits with its invoices. */
@Repository
class RunRepository {

    private static final String COLUMNS = """
            id, status, due_until, started_at, finished_at, charges_total, charges_done, invoices, node, started_by,
            failure""";

    private final JdbcClient jdbc;

    RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Run run) {
        jdbc.sql("""
                        INSERT INTO invoicing.run (id, status, due_until, started_at, charges_total, node, started_by)
                        VALUES (:id, :status, :dueUntil, :startedAt, :total, :node, :startedBy)
                        """)
                .param("id", run.id())
                .param("status", run.status().name())
                .param("dueUntil", Timestamp.from(run.dueUntil()))
                .param("startedAt", Timestamp.from(run.startedAt()))
                .param("total", run.chargesTotal())
                .param("node", run.node())
                .param("startedBy", run.startedBy())
                .update();
    }

    /** Adds a committed batch to the run's progress, in the batch's transaction. */
    void progress(String id, long charges, long invoices) {
        jdbc.sql("""
                        UPDATE invoicing.run SET charges_done = charges_done + :charges, invoices = invoices + :invoices
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("charges", charges)
                .param("invoices", invoices)
                .update();
    }

    void finish(String id, Run.Status status, Instant at, @Nullable String failure) {
        jdbc.sql("UPDATE invoicing.run SET status = :status, finished_at = :at, failure = :failure WHERE id = :id")
                .param("id", id)
                .param("status", status.name())
                .param("at", Timestamp.from(at))
                .param("failure", failure == null ? null : failure.substring(0, Math.min(failure.length(), 1000)))
                .update();
    }

    /**
     * Closes the runs an earlier process on this host left running: it stopped (or crashed) before they ended, and
     * whatever they did not commit a later run does.
     *
     * @param host runs of this host's processes, {@code <host>:<pid>}
     * @param node this process, whose runs go on
     */
    int closeInterrupted(String host, String node, Instant at) {
        return jdbc.sql("""
                        UPDATE invoicing.run SET status = 'FAILED', finished_at = :at,
                            failure = 'interrupted: its node stopped before the run ended'
                        WHERE status = 'RUNNING' AND node LIKE :host AND node <> :node
                        """)
                .param("at", Timestamp.from(at))
                .param("host", host.replace("%", "\\%").replace("_", "\\_") + ":%")
                .param("node", node)
                .update();
    }

    Optional<Run> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invoicing.run WHERE id = ?")
                .param(id)
                .query(RunRepository::run)
                .optional();
    }

    List<Run> latest(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invoicing.run ORDER BY started_at DESC, id OFFSET ? LIMIT ?")
                .params(offset, limit)
                .query(RunRepository::run)
                .list();
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        var finished = rs.getTimestamp(5);
        return new Run(
                rs.getString(1),
                Run.Status.valueOf(rs.getString(2)),
                rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11));
    }
}
