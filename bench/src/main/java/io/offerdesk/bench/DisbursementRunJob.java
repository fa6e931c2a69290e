package io.offerdesk.bench;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * A disbursement run over a large number of collected invoices: {@code POST /api/v1/disbursements/runs} as the operator,
 * then the database is polled until every seller of the job has been paid. The collections are set up in SQL: {@value
 * #INVOICES} collection entries of the ledger ({@code collection:bench-…}, clearing to a seller's payable, each about
 * an invoice of its own) spread over {@value #SELLERS} sellers, so each seller's disbursement covers a hundred
 * invoices. The sellers are set up to be paid monthly on a day that is not the app's today, so nothing is due while
 * the job is set up and the database settles; the measured run starts by making them paid daily (one statement), and
 * then asks for the operator's run. The app's clock, which polls for due work, may pay some of them first: the job ends
 * when all are paid, whoever paid them, and its time runs from the moment they fell due.
 */
final class DisbursementRunJob implements Job {

    static final int INVOICES = 100_000;
    static final int SELLERS = 1_000;

    private static final String RUNS = "/api/v1/disbursements/runs";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration DEADLINE = Duration.ofMinutes(10);
    private static final long AMOUNT_MINOR = 12_345;

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public String name() {
        return "disbursement-run";
    }

    @Override
    public String description() {
        return "POST " + RUNS + " over " + String.format(Locale.ROOT, "%,d", INVOICES) + " collected invoices of "
                + SELLERS + " daily-paid sellers (set up in SQL), to the last payout";
    }

    @Override
    public Duration target() {
        return Duration.ofSeconds(30);
    }

    @Override
    public String setup(BenchOptions options) {
        return String.format(
                Locale.ROOT, "%,d collected invoices of %,d sellers, made due as the run starts", INVOICES, SELLERS);
    }

    @Override
    public Started prepare(Scenario.Fixture fixture) throws Exception {
        var tag = UUID.randomUUID().toString().substring(0, 5);
        var today = LocalDate.ofInstant(
                Instant.parse(json.readTree(fixture.api()
                                .exchange(
                                        fixture.api().get("/api/v1/simulation/clock", OfferdeskApi.OPERATOR_API_KEY),
                                        200))
                        .path("now")
                        .asString()),
                ZoneOffset.UTC);
        try (var connection = fixture.database().connect()) {
            collect(connection, tag, notDueOn(today));
        }
        Bench.progress("%,d collected invoices of %,d sellers waiting to be paid out", INVOICES, SELLERS);
        return () -> run(fixture.api(), fixture.database(), tag);
    }

    /**
     * A monthly disbursement day two weeks from {@code today}'s: not today, and not a day the job could reach, so that
     * the app's clock pays none of the job's sellers before the job makes them due.
     */
    static int notDueOn(LocalDate today) {
        return (today.getDayOfMonth() + 13) % 28 + 1;
    }

    /** The sellers' payables, the collection entries and the monthly preferences, in one transaction. */
    private static void collect(Connection connection, String tag, int dayOfMonth) throws SQLException {
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO ledger.account (owner_party_id, role, currency)
                    VALUES ('00000000-0000-0000-0000-000000000000', 'MARKETPLACE_CLEARING', 'USD')
                    ON CONFLICT DO NOTHING""");
            statement.execute("""
                    INSERT INTO ledger.account (owner_party_id, role, currency)
                    SELECT md5('bench-seller-%1$s-' || s)::uuid, 'SELLER_PAYABLE', 'USD'
                    FROM generate_series(0, %2$d) AS s ON CONFLICT DO NOTHING""".formatted(tag, SELLERS - 1));
            statement.execute("""
                    INSERT INTO ledger.journal_entry (idempotency_key, reason_code, reference, occurred_at)
                    SELECT 'collection:bench-%1$s-' || n, 'COLLECTED', 'inv-bench%1$s' || n, now()
                    FROM generate_series(0, %2$d) AS n""".formatted(tag, INVOICES - 1));
            statement.execute("""
                    INSERT INTO ledger.posting (entry_id, leg, debit_account_id, credit_account_id, currency,
                        amount_minor)
                    SELECT e.id, 0, clearing.id, payable.id, 'USD', %3$d
                    FROM ledger.journal_entry e
                    JOIN ledger.account clearing ON clearing.owner_party_id = '00000000-0000-0000-0000-000000000000'
                        AND clearing.role = 'MARKETPLACE_CLEARING' AND clearing.currency = 'USD'
                    JOIN ledger.account payable ON payable.role = 'SELLER_PAYABLE' AND payable.currency = 'USD'
                        AND payable.owner_party_id = md5('bench-seller-%1$s-'
                            || (split_part(e.idempotency_key, '-', 3)::int %% %2$d))::uuid
                    WHERE e.idempotency_key LIKE 'collection:bench-%1$s-%%'""".formatted(tag, SELLERS, AMOUNT_MINOR));
            statement.execute("""
                    INSERT INTO disbursement.preference (party_id, currency, frequency, day_of_month, updated_at,
                        updated_by)
                    SELECT md5('bench-seller-%1$s-' || s)::uuid, 'USD', 'MONTHLY', %3$d, now(), 'bench'
                    FROM generate_series(0, %2$d) AS s""".formatted(tag, SELLERS - 1, dayOfMonth));
            connection.commit();
            statement.execute("ANALYZE ledger.posting");
            statement.execute("ANALYZE ledger.journal_entry");
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private Result run(OfferdeskApi api, PostgresBaselines database, String tag) throws Exception {
        var notes = new ArrayList<String>();
        var startedAt = System.nanoTime();
        var due = makeDue(database, tag);
        if (due != SELLERS) {
            throw new Failed("made " + due + " sellers due, not " + SELLERS);
        }
        // The operator's run answers once it has paid every due payee, which takes longer than a setup call may.
        var request = api.post(
                OfferdeskApi.OPERATOR_API_KEY, RUNS, "", UUID.randomUUID().toString());
        var answer = json.readTree(api.exchange(
                HttpRequest.newBuilder(request, (name, value) -> true)
                        .timeout(DEADLINE)
                        .build(),
                200));
        notes.add(String.format(
                Locale.ROOT,
                "the operator's run paid %,d sellers in %.1f s (the clock's runs paid the rest)",
                answer.path("paid").asLong(),
                (System.nanoTime() - startedAt) / 1e9));
        var deadline = startedAt + DEADLINE.toNanos();
        long[] paid;
        while (true) {
            paid = paid(database, tag);
            if (paid[0] >= SELLERS) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new Failed("only " + paid[0] + " of " + SELLERS + " sellers were paid after "
                        + DEADLINE.toMinutes() + " minutes");
            }
            Thread.sleep(POLL);
        }
        var wallTime = Duration.ofNanos(System.nanoTime() - startedAt);
        String failure = null;
        if (paid[0] != SELLERS || paid[1] != INVOICES * AMOUNT_MINOR) {
            failure = String.format(
                    Locale.ROOT,
                    "%,d disbursements of %,d minor units, not %,d of %,d",
                    paid[0],
                    paid[1],
                    SELLERS,
                    INVOICES * AMOUNT_MINOR);
        }
        return new Result(wallTime, INVOICES, "collected invoices", notes, failure);
    }

    /**
     * Makes the job's sellers paid daily, so that all of them are due now: for the operator's run and for the app's
     * clock alike. Nothing of theirs can have been paid before this.
     *
     * @return how many sellers it made due
     */
    private static int makeDue(PostgresBaselines database, String tag) throws SQLException {
        try (var connection = database.connect();
                var update = connection.prepareStatement("""
                        UPDATE disbursement.preference SET frequency = 'DAILY', day_of_month = NULL, updated_at = now()
                        WHERE party_id IN (SELECT md5('bench-seller-' || ? || '-' || s)::uuid
                                           FROM generate_series(0, ?) AS s)""")) {
            update.setString(1, tag);
            update.setInt(2, SELLERS - 1);
            return update.executeUpdate();
        }
    }

    /** How many disbursements the job's sellers got, and their sum in minor units. */
    private static long[] paid(PostgresBaselines database, String tag) throws SQLException {
        try (var connection = database.connect();
                var select = connection.prepareStatement("""
                        SELECT count(*), coalesce(sum(amount_minor), 0) FROM disbursement.disbursement
                        WHERE party_id IN (SELECT md5('bench-seller-' || ? || '-' || s)::uuid
                                           FROM generate_series(0, ?) AS s)""")) {
            select.setString(1, tag);
            select.setInt(2, SELLERS - 1);
            try (var found = select.executeQuery()) {
                found.next();
                return new long[] {found.getLong(1), found.getLong(2)};
            }
        }
    }
}
