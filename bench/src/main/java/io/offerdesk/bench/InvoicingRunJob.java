package io.offerdesk.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An invoicing run over a large backlog of due installments: {@code POST /api/v1/invoicing/runs} as the operator, then
 * {@code GET /api/v1/invoicing/runs} every second until no run is left running and every charge of the backlog is on an
 * invoice. One installment is accepted through the API (Globex buys a fresh product's private offer whose first
 * installment is due today, so it falls due as Globex accepts), and its due charge, as the app took it into {@code
 * invoicing.charge}, is copied in SQL to {@code --charges} waiting charges of fresh agreements, {@code
 * --charges-per-invoice} of them per buyer account (one invoice each), ten buyer accounts per buyer organization.
 */
final class InvoicingRunJob implements Job {

    static final int DEFAULT_CHARGES = 1_000_000;
    static final int DEFAULT_CHARGES_PER_INVOICE = 1;

    private static final String RUNS = "/api/v1/invoicing/runs";
    private static final String QUOTES = "/api/v1/buyer/agreement-requests";
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration DEADLINE = Duration.ofMinutes(30);
    private static final int ACCOUNTS_PER_BUYER = 10;

    /**
     * Waiting copies of the template charge: agreement {@code agmt-} + the run's tag + the copy's number, the buyer account its
     * group's 12-digit number (from 800000000000, which no demo party uses), the buyer organization a UUID made from
     * the account's group of ten.
     */
    private static final String COPY = """
            INSERT INTO invoicing.charge (agreement_id, charge_id, revision, offer_id, product_id, seller_party_id,
                publisher_party_id, buyer_party_id, buyer_account_id, currency, amount_minor, wholesale_minor, timing,
                due_at, purchase_order_reference, net_payment_days)
            SELECT 'agmt-' || ? || lpad(n::text, 20, '0'), t.charge_id, t.revision, t.offer_id, t.product_id,
                t.seller_party_id, t.publisher_party_id,
                md5('bench-buyer-' || (n / ? / ?))::uuid,
                (800000000000 + n / ?)::text,
                t.currency, t.amount_minor, t.wholesale_minor, t.timing, t.due_at, t.purchase_order_reference,
                t.net_payment_days
            FROM invoicing.charge t CROSS JOIN generate_series(?::bigint, ?::bigint) AS n
            WHERE t.agreement_id = ? AND t.charge_id = ?""";

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public String name() {
        return "invoicing-run";
    }

    @Override
    public String description() {
        return "POST " + RUNS + " over --charges due installments (default "
                + String.format(Locale.ROOT, "%,d", DEFAULT_CHARGES) + ", set up in SQL), to the last invoice";
    }

    @Override
    public Duration target() {
        return Duration.ofSeconds(60);
    }

    @Override
    public String setup(BenchOptions options) {
        return String.format(
                Locale.ROOT, "--charges %,d --charges-per-invoice %d", options.charges(), options.chargesPerInvoice());
    }

    @Override
    public Started prepare(Scenario.Fixture fixture) throws Exception {
        var api = fixture.api();
        var charges = fixture.options().charges();
        var perInvoice = fixture.options().chargesPerInvoice();
        var template = acceptedInstallment(api);
        Instant copiedAt;
        try (var connection = fixture.database().connect()) {
            invoiced(connection, template);
            copiedAt = copy(connection, template, charges, perInvoice);
            try (var statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE invoicing.charge");
            }
        }
        Bench.progress(
                "%,d due installments waiting in invoicing.charge, %,d per buyer account (%,d invoices to issue)",
                charges, perInvoice, (charges + perInvoice - 1) / perInvoice);
        return () -> run(api, fixture.database(), charges, copiedAt);
    }

    /** The agreement and charge id of Globex's first installment, due as it accepted, as the app took it in. */
    private record Template(String agreementId, String chargeId) {}

    private Template acceptedInstallment(OfferdeskApi api) throws IOException, InterruptedException {
        var product = json.readTree(api.exchange(
                        api.post(
                                "/api/v1/products",
                                QuoteAccept.PRODUCT.formatted(UUID.randomUUID()),
                                UUID.randomUUID().toString()),
                        201))
                .path("id")
                .asString();
        var offer = PrivateOffers.of(api, product, 0).release(PrivateOffers.GLOBEX_ACCOUNT);
        var quote = json.readTree(api.exchange(
                api.post(
                        OfferdeskApi.DEMO_BUYER_API_KEY,
                        QUOTES,
                        "{\"offerId\":\"%s\",\"accountId\":\"%s\"}".formatted(offer, PrivateOffers.GLOBEX_ACCOUNT),
                        UUID.randomUUID().toString()),
                201));
        var agreement = json.readTree(api.exchange(
                        api.post(
                                OfferdeskApi.DEMO_BUYER_API_KEY,
                                QUOTES + "/" + quote.path("agreementRequestId").asString() + "/accept",
                                "{\"eulaAcknowledged\":true}",
                                UUID.randomUUID().toString()),
                        201))
                .path("agreementId")
                .asString();
        var charges = json.readTree(api.exchange(
                api.get("/api/v1/agreements/" + agreement + "/charges", OfferdeskApi.DEMO_BUYER_API_KEY), 200));
        var first = charges.path("items").path(0);
        if (!first.path("timing").asString("ON_ACCEPTANCE").equals("ON_ACCEPTANCE")) {
            throw new IOException("the first installment of " + agreement + " was not due on acceptance: " + first);
        }
        return new Template(agreement, first.path("id").asString());
    }

    /**
     * Waits until the app's clock invoiced the template (it polls for due work every few seconds), so that no run of
     * the job finds it waiting among the copies.
     */
    private static void invoiced(Connection connection, Template template)
            throws SQLException, IOException, InterruptedException {
        var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (var select = connection.prepareStatement(
                "SELECT invoice_id IS NOT NULL FROM invoicing.charge WHERE agreement_id = ? AND charge_id = ?")) {
            select.setString(1, template.agreementId());
            select.setString(2, template.chargeId());
            while (System.nanoTime() < deadline) {
                try (var found = select.executeQuery()) {
                    if (found.next() && found.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(POLL);
            }
        }
        throw new IOException("the app did not invoice the installment of " + template.agreementId() + " in 2 minutes");
    }

    /**
     * Copies the template in one statement, so that a run of the clock's (the app polls for due work every few
     * seconds) sees all of the copies or none.
     *
     * @return when the copies were committed, by the database's clock
     */
    private static Instant copy(Connection connection, Template template, int charges, int perInvoice)
            throws SQLException, IOException {
        try (var insert = connection.prepareStatement(COPY)) {
            // Five letters of its own per run, so that copies of several runs on one database never collide.
            insert.setString(1, UUID.randomUUID().toString().substring(0, 5));
            insert.setInt(2, perInvoice);
            insert.setInt(3, ACCOUNTS_PER_BUYER);
            insert.setInt(4, perInvoice);
            insert.setLong(5, 0);
            insert.setLong(6, charges - 1L);
            insert.setString(7, template.agreementId());
            insert.setString(8, template.chargeId());
            var copied = insert.executeUpdate();
            if (copied != charges) {
                throw new IOException("the app took no charge of %s into invoicing.charge (%d copies)"
                        .formatted(template.agreementId(), copied));
            }
        }
        try (var statement = connection.createStatement();
                var now = statement.executeQuery("SELECT now()")) {
            now.next();
            return now.getTimestamp(1).toInstant();
        }
    }

    private Result run(OfferdeskApi api, PostgresBaselines database, int charges, Instant copiedAt) throws Exception {
        var notes = new ArrayList<String>();
        var startedAt = System.nanoTime();
        var started = json.readTree(api.exchange(
                api.post(
                        OfferdeskApi.OPERATOR_API_KEY,
                        RUNS,
                        "",
                        UUID.randomUUID().toString()),
                202));
        var runId = started.path("id").asString();
        var deadline = startedAt + DEADLINE.toNanos();
        List<JsonNode> runs;
        while (true) {
            Thread.sleep(POLL);
            var run = json.readTree(api.exchange(api.get(RUNS + "/" + runId, OfferdeskApi.OPERATOR_API_KEY), 200));
            var seconds = (System.nanoTime() - startedAt) / 1e9;
            Bench.progress(
                    "%6.1fs  %-9s %3d%%  %,9d of %,d charges  %,9d invoices",
                    seconds,
                    run.path("status").asString(),
                    run.path("percentDone").asInt(),
                    run.path("chargesDone").asLong(),
                    run.path("chargesTotal").asLong(),
                    run.path("invoices").asLong());
            runs = recentRuns(api);
            var running =
                    runs.stream().anyMatch(r -> r.path("status").asString().equals("RUNNING"));
            if (!running && waiting(database) == 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new Failed("the run was not done after " + DEADLINE.toMinutes() + " minutes");
            }
        }
        var wallTime = Duration.ofNanos(System.nanoTime() - startedAt);
        // The app's clock polls for due work too, and may have started a run of its own on the copies before the
        // operator's: the runs that ended after the copies were made share the work.
        String failure = null;
        long done = 0;
        Instant first = null;
        Instant last = null;
        for (var run : runs) {
            var end = Instant.parse(run.path("finishedAt").asString());
            var start = Instant.parse(run.path("startedAt").asString());
            if (end.isBefore(copiedAt)) {
                continue;
            }
            done += run.path("chargesDone").asLong();
            first = first == null || start.isBefore(first) ? start : first;
            last = last == null || end.isAfter(last) ? end : last;
            notes.add(String.format(
                    Locale.ROOT,
                    "run %s (%s): %s, %,d charges on %,d invoices in %.1f s",
                    run.path("id").asString(),
                    run.path("startedBy").isString() ? "operator" : "clock",
                    run.path("status").asString(),
                    run.path("chargesDone").asLong(),
                    run.path("invoices").asLong(),
                    Duration.between(start, end).toMillis() / 1e3));
            if (run.path("status").asString().equals("FAILED")) {
                failure = "run " + run.path("id").asString() + " failed: "
                        + run.path("failure").asString();
            }
        }
        if (first != null) {
            notes.add(String.format(
                    Locale.ROOT,
                    "from the first run's start to the last run's end, as the app recorded them: %.1f s",
                    Duration.between(first, last).toMillis() / 1e3));
        }
        if (done < charges && failure == null) {
            failure = String.format(Locale.ROOT, "the runs invoiced %,d charges, not %,d", done, charges);
        }
        return new Result(wallTime, charges, "charges", notes, failure);
    }

    /** The runs started in the last hour or so: the latest page, more than one job's worth. */
    private List<JsonNode> recentRuns(OfferdeskApi api) throws IOException, InterruptedException {
        var page = json.readTree(api.exchange(api.get(RUNS + "?limit=20", OfferdeskApi.OPERATOR_API_KEY), 200));
        var runs = new ArrayList<JsonNode>();
        page.path("items").forEach(runs::add);
        return runs;
    }

    private static long waiting(PostgresBaselines database) throws SQLException {
        try (var connection = database.connect();
                var statement = connection.createStatement();
                var count = statement.executeQuery("""
                        SELECT count(*) FROM invoicing.charge
                        WHERE invoice_id IS NULL AND not_invoiced_reason IS NULL""")) {
            count.next();
            return count.getLong(1);
        }
    }
}
