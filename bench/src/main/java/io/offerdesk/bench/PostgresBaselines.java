package io.offerdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Raw PostgreSQL on the application's own embedded server, driven by the same load generator in the same run: what the
 * database alone does on this machine, so that a scenario's rate reads as a share of it. Each client has its own
 * connection and prepared statement, as {@code pgbench -M prepared} does.
 */
final class PostgresBaselines {

    /** Rows of the select baseline's table; enough that random reads do not hit one hot page. */
    static final int SELECT_ROWS = 10_000;

    /** About the size of a product's row, so that a baseline row costs what an application row costs to read. */
    private static final String BODY = "x".repeat(200);

    /** The postmaster.pid line that holds the server's port (PostgreSQL's LOCK_FILE_LINE_PORT). */
    private static final int PORT_LINE = 3;

    private static final List<String> REPORTED_SETTINGS =
            List.of("synchronous_commit", "fsync", "shared_buffers", "max_connections");

    private final String jdbcUrl;
    private final Properties credentials = new Properties();
    private final UUID owner = UUID.randomUUID();

    private PostgresBaselines(int port) {
        // 127.0.0.1, not localhost: the harness sends traffic only to the loopback address it names.
        this.jdbcUrl = "jdbc:postgresql://127.0.0.1:%d/postgres".formatted(port);
        // The embedded server trusts local connections: user postgres, no password.
        credentials.setProperty("user", "postgres");
        credentials.setProperty("ApplicationName", "offerdesk-bench");
    }

    /** Finds the server the application started in this data directory. */
    static PostgresBaselines of(Path dataDirectory) throws IOException {
        var pidFile = dataDirectory.resolve("postmaster.pid");
        var lines = Files.readAllLines(pidFile);
        if (lines.size() <= PORT_LINE) {
            throw new IOException(pidFile + " has no port line; is PostgreSQL running there?");
        }
        return new PostgresBaselines(Integer.parseInt(lines.get(PORT_LINE).trim()));
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String serverVersion() throws SQLException {
        try (var connection = connect();
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT version()")) {
            result.next();
            return result.getString(1);
        }
    }

    /**
     * The settings that move the numbers most: the embedded server commits asynchronously, which makes writes far
     * cheaper than on a durable production server.
     */
    Map<String, String> serverSettings() throws SQLException {
        var settings = new LinkedHashMap<String, String>();
        try (var connection = connect();
                var statement = connection.createStatement()) {
            for (var name : REPORTED_SETTINGS) {
                try (var result = statement.executeQuery("SHOW " + name)) {
                    result.next();
                    settings.put(name, result.getString(1));
                }
            }
        }
        return settings;
    }

    /** Creates the baseline tables afresh; the data directory is thrown away after the run, and them with it. */
    void createTables() throws SQLException {
        try (var connection = connect();
                var statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_baseline, bench_inserts");
            statement.execute("""
                    CREATE TABLE bench_baseline (
                        id integer PRIMARY KEY,
                        owner_id uuid NOT NULL,
                        title text NOT NULL,
                        body text NOT NULL)""");
            statement.execute("""
                    CREATE TABLE bench_inserts (
                        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        owner_id uuid NOT NULL,
                        title text NOT NULL,
                        body text NOT NULL)""");
            try (var fill = connection.prepareStatement("""
                    INSERT INTO bench_baseline (id, owner_id, title, body)
                    SELECT n, ?, 'Bench row ' || n, ? FROM generate_series(1, ?) AS n""")) {
                fill.setObject(1, owner);
                fill.setString(2, BODY);
                fill.setInt(3, SELECT_ROWS);
                fill.executeUpdate();
            }
        }
    }

    /**
     * Brings the database to a steady state before anything is measured: fresh statistics, no dead rows left for
     * autovacuum to wake up for, and no checkpoint owed for the setup's writes.
     */
    void settle() throws SQLException {
        try (var connection = connect();
                var statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
            statement.execute("CHECKPOINT");
        }
    }

    Workload workload(Baseline baseline) {
        return switch (baseline) {
            case SELECT_BY_ID -> SelectById::new;
            case INSERT_ONE_ROW -> () -> new InsertRows(1);
            case INSERT_25_ROWS -> () -> new InsertRows(25);
        };
    }

    /** A connection of its own to the app's database, for a scenario's setup as well. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, credentials);
    }

    /** Reads every column, as the application reads every column of the row it serves. */
    private final class SelectById implements Workload.Caller {
        private final Connection connection = connect();
        private final PreparedStatement select =
                connection.prepareStatement("SELECT id, owner_id, title, body FROM bench_baseline WHERE id = ?");

        SelectById() throws SQLException {}

        @Override
        public void call() throws SQLException {
            var id = ThreadLocalRandom.current().nextInt(1, SELECT_ROWS + 1);
            select.setInt(1, id);
            try (var row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("bench_baseline has no row " + id);
                }
                row.getInt(1);
                row.getObject(2);
                row.getString(3);
                row.getString(4);
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** One statement, and so one autocommitted transaction, per call, however many rows it inserts. */
    private final class InsertRows implements Workload.Caller {
        private final int rows;
        private final Connection connection = connect();
        private final PreparedStatement insert;
        private long inserted;

        InsertRows(int rows) throws SQLException {
            this.rows = rows;
            var values = String.join(", ", Collections.nCopies(rows, "(?, ?, ?)"));
            this.insert =
                    connection.prepareStatement("INSERT INTO bench_inserts (owner_id, title, body) VALUES " + values);
        }

        @Override
        public void call() throws SQLException {
            for (int row = 0; row < rows; row++) {
                insert.setObject(3 * row + 1, owner);
                insert.setString(3 * row + 2, "Bench insert " + inserted++);
                insert.setString(3 * row + 3, BODY);
            }
            var count = insert.executeUpdate();
            if (count != rows) {
                throw new SQLException("inserted %d rows, expected %d".formatted(count, rows));
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
