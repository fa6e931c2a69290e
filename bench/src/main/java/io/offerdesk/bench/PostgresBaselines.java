package io.offerdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
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

    /** The embedded server trusts local connections of this user, without a password. */
    static final String USER = "postgres";

    private final String jdbcUrl;
    private final Properties credentials = new Properties();
    private final UUID owner = UUID.randomUUID();

    private PostgresBaselines(int port) {
        // 127.0.0.1, not localhost: the harness sends traffic only to the loopback address it names.
        this.jdbcUrl = "jdbc:postgresql://127.0.0.1:%d/postgres".formatted(port);
        // The embedded server trusts local connections: user postgres, no password.
        credentials.setProperty("user", USER);
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
            createAcceptTables(statement);
            SplitJournals.createTable(statement);
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
     * The tables of the accept transaction, shaped like the app's: agreements.agreement and agreements.charge with
     * their indexes, Spring Modulith's event_publication (the outbox), audit.entry and platform.idempotent_request.
     */
    private static void createAcceptTables(Statement statement) throws SQLException {
        statement.execute(
                "DROP TABLE IF EXISTS bench_charge, bench_agreement, bench_outbox, bench_audit, bench_idempotency");
        statement.execute("""
                CREATE TABLE bench_agreement (
                    id                   varchar(30)  PRIMARY KEY,
                    initial_agreement_id varchar(30)  NOT NULL,
                    offer_id             varchar(19)  NOT NULL,
                    product_id           varchar(50)  NOT NULL,
                    product_type         varchar(30)  NOT NULL,
                    proposer_party_id    uuid         NOT NULL,
                    proposer_account_id  varchar(12)  NOT NULL,
                    acceptor_party_id    uuid         NOT NULL,
                    acceptor_account_id  varchar(12)  NOT NULL,
                    request_id           varchar(28)  NOT NULL UNIQUE,
                    acceptance_time      timestamptz  NOT NULL,
                    start_time           timestamptz  NOT NULL,
                    end_time             timestamptz,
                    terms                jsonb        NOT NULL,
                    currency_code        varchar(3)   NOT NULL,
                    agreement_value      numeric      NOT NULL,
                    status               varchar(10)  NOT NULL,
                    renewals             integer      NOT NULL,
                    last_update_time     timestamptz  NOT NULL,
                    version              bigint       NOT NULL)""");
        statement.execute("CREATE INDEX bench_agreement_acceptor ON bench_agreement (acceptor_party_id, end_time, id)");
        statement.execute("CREATE INDEX bench_agreement_proposer ON bench_agreement (proposer_party_id, end_time, id)");
        statement.execute("CREATE INDEX bench_agreement_subscription ON bench_agreement (acceptor_account_id,"
                + " product_id) WHERE status = 'ACTIVE'");
        statement.execute("CREATE INDEX bench_agreement_offer ON bench_agreement (offer_id)");
        statement.execute("CREATE INDEX bench_agreement_chain ON bench_agreement (initial_agreement_id)");
        statement.execute(
                "CREATE INDEX bench_agreement_active_end ON bench_agreement (end_time) WHERE status = 'ACTIVE'");
        statement.execute("""
                CREATE TABLE bench_charge (
                    agreement_id             varchar(30)  NOT NULL REFERENCES bench_agreement (id),
                    id                       varchar(20)  NOT NULL,
                    revision                 integer      NOT NULL,
                    charge_time              timestamptz  NOT NULL,
                    currency_code            varchar(3)   NOT NULL,
                    amount                   numeric      NOT NULL,
                    timing                   varchar(14)  NOT NULL,
                    state                    varchar(9)   NOT NULL,
                    purchase_order_reference varchar(200),
                    PRIMARY KEY (agreement_id, id))""");
        statement.execute(
                "CREATE INDEX bench_charge_scheduled ON bench_charge (charge_time) WHERE state = 'SCHEDULED'");
        statement.execute("""
                CREATE TABLE bench_outbox (
                    id               uuid         PRIMARY KEY,
                    listener_id      text         NOT NULL,
                    event_type       text         NOT NULL,
                    serialized_event text         NOT NULL,
                    publication_date timestamptz  NOT NULL,
                    completion_date  timestamptz)""");
        statement.execute("""
                CREATE TABLE bench_audit (
                    sequence       bigserial    PRIMARY KEY,
                    occurred_at    timestamptz  NOT NULL,
                    actor_name     varchar(400) NOT NULL,
                    action         varchar(100) NOT NULL,
                    entity_type    varchar(60)  NOT NULL,
                    entity_id      varchar(100) NOT NULL,
                    owner_party_id varchar(100) NOT NULL,
                    payload        json         NOT NULL,
                    payload_digest char(64)     NOT NULL,
                    previous_hash  char(64)     NOT NULL,
                    hash           char(64)     NOT NULL UNIQUE)""");
        statement.execute("CREATE INDEX bench_audit_entity ON bench_audit (entity_type, entity_id, sequence)");
        statement.execute("CREATE INDEX bench_audit_owner ON bench_audit (owner_party_id, sequence)");
        statement.execute("""
                CREATE TABLE bench_idempotency (
                    user_id      uuid         NOT NULL,
                    key          varchar(255) NOT NULL,
                    fingerprint  char(64)     NOT NULL,
                    status       smallint,
                    content_type varchar(200),
                    body         bytea,
                    created_at   timestamptz  NOT NULL,
                    PRIMARY KEY (user_id, key))""");
        statement.execute("CREATE INDEX bench_idempotency_created ON bench_idempotency (created_at)");
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
            case ACCEPT_TRANSACTION -> AcceptTransaction::new;
            case SPLIT_JOURNAL -> () -> new SplitJournals.RawInsert(connect());
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

    /**
     * One acceptance's writes in one transaction (autocommit off: the driver sends BEGIN before the first statement
     * and COMMIT on {@code commit()}): an agreement row with a 3 KB terms document, its 12 charges in one statement,
     * the outbox row of its event (3 KB), an audit entry (1 KB, with its digest and a hash over the previous one) and
     * the idempotency record with the answer. Ids are fresh each call; the documents are the same bytes every time.
     */
    private final class AcceptTransaction implements Workload.Caller {
        private static final int CHARGES = 12;
        private static final String TERMS = document("term", 3 * 1024);
        private static final String EVENT = document("event", 3 * 1024);
        private static final String AUDIT_PAYLOAD = document("audit", 1024);
        private static final byte[] ANSWER = document("answer", 3 * 1024).getBytes(StandardCharsets.UTF_8);

        private final Connection connection = connect();
        private final PreparedStatement agreement = connection.prepareStatement("""
                INSERT INTO bench_agreement (id, initial_agreement_id, offer_id, product_id, product_type,
                    proposer_party_id, proposer_account_id, acceptor_party_id, acceptor_account_id, request_id,
                    acceptance_time, start_time, end_time, terms, currency_code, agreement_value, status, renewals,
                    last_update_time, version)
                VALUES (?, ?, 'offer-benchbaseline', 'prod-benchbaseline', 'SAAS', ?, '200000000001', ?,
                    '400000000001', ?, ?, ?, ?, ?::jsonb, 'USD', 12000.00, 'ACTIVE', 0, ?, 1)""");
        private final PreparedStatement charges = connection.prepareStatement("""
                INSERT INTO bench_charge (agreement_id, id, revision, charge_time, currency_code, amount, timing, state,
                    purchase_order_reference)
                VALUES """
                + String.join(
                        ", ",
                        Collections.nCopies(
                                CHARGES, "(?, ?, 1, ?, 'USD', 1000.00, 'SCHEDULED'," + " 'SCHEDULED', NULL)")));
        private final PreparedStatement outbox = connection.prepareStatement("""
                INSERT INTO bench_outbox (id, listener_id, event_type, serialized_event, publication_date)
                VALUES (?, 'io.offerdesk.audit.internal.AuditTrail.on(io.offerdesk.shared.AuditedEvent)',
                    'io.offerdesk.agreements.events.AgreementAccepted', ?, ?)""");
        private final PreparedStatement audit = connection.prepareStatement("""
                INSERT INTO bench_audit (occurred_at, actor_name, action, entity_type, entity_id, owner_party_id,
                    payload, payload_digest, previous_hash, hash)
                VALUES (?, 'Gus Procurement', 'AgreementAccepted', 'agreement', ?, ?, ?::json, ?, ?, ?)""");
        private final PreparedStatement idempotency = connection.prepareStatement("""
                INSERT INTO bench_idempotency (user_id, key, fingerprint, status, content_type, body, created_at)
                VALUES (?, ?, ?, 201, 'application/json', ?, ?)""");
        private final MessageDigest sha256;
        private String previousHash = "0".repeat(64);
        private long accepted;

        AcceptTransaction() throws SQLException {
            connection.setAutoCommit(false);
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        @Override
        public void call() throws SQLException {
            var id = "agmt-" + UUID.randomUUID().toString().replace("-", "").substring(0, 25);
            var now = Timestamp.from(Instant.now());
            var start = Timestamp.from(Instant.now().plus(10, ChronoUnit.DAYS));
            try {
                agreement.setString(1, id);
                agreement.setString(2, id);
                agreement.setObject(3, owner);
                agreement.setObject(4, owner);
                agreement.setString(5, "ar-" + id.substring(5));
                agreement.setTimestamp(6, now);
                agreement.setTimestamp(7, start);
                agreement.setTimestamp(8, Timestamp.from(start.toInstant().plus(365, ChronoUnit.DAYS)));
                agreement.setString(9, TERMS);
                agreement.setTimestamp(10, now);
                expectRows(agreement.executeUpdate(), 1);
                for (int charge = 0; charge < CHARGES; charge++) {
                    charges.setString(3 * charge + 1, id);
                    charges.setString(3 * charge + 2, "charge-" + (charge + 1));
                    charges.setTimestamp(
                            3 * charge + 3, Timestamp.from(start.toInstant().plus(30L * charge, ChronoUnit.DAYS)));
                }
                expectRows(charges.executeUpdate(), CHARGES);
                outbox.setObject(1, UUID.randomUUID());
                outbox.setString(2, EVENT);
                outbox.setTimestamp(3, now);
                expectRows(outbox.executeUpdate(), 1);
                var digest = hex(AUDIT_PAYLOAD + id);
                var hash = hex(previousHash + digest);
                audit.setTimestamp(1, now);
                audit.setString(2, id);
                audit.setString(3, owner.toString());
                audit.setString(4, AUDIT_PAYLOAD);
                audit.setString(5, digest);
                audit.setString(6, previousHash);
                audit.setString(7, hash);
                expectRows(audit.executeUpdate(), 1);
                idempotency.setObject(1, owner);
                idempotency.setString(2, "bench-" + id + "-" + accepted++);
                idempotency.setString(3, digest);
                idempotency.setBytes(4, ANSWER);
                idempotency.setTimestamp(5, now);
                expectRows(idempotency.executeUpdate(), 1);
                connection.commit();
                previousHash = hash;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }

        private String hex(String text) {
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        }

        private static void expectRows(int count, int expected) throws SQLException {
            if (count != expected) {
                throw new SQLException("inserted %d rows, expected %d".formatted(count, expected));
            }
        }

        /** A JSON object of about {@code bytes} bytes, of the nesting an agreement's terms have. */
        private static String document(String name, int bytes) {
            var entries = new ArrayList<String>();
            var size = 2;
            for (int i = 0; size < bytes; i++) {
                var entry = "{\"Type\":\"%sEntry\",\"Id\":\"%s-%03d\",\"ChargeDate\":\"2027-01-%02dT00:00:00Z\","
                                .formatted(name, name, i, i % 28 + 1)
                        + "\"ChargeAmount\":\"1000.00\",\"CurrencyCode\":\"USD\"}";
                entries.add(entry);
                size += entry.length() + 1;
            }
            return "{\"%s\":[%s]}".formatted(name, String.join(",", entries));
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
