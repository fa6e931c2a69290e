package io.offerdesk.bench;

import io.offerdesk.bench.OfferdeskApi.UnexpectedResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * A SaaS seller meters usage: every call is one BatchMeterUsage of {@value #RECORDS} new records ({@code POST
 * /api/v1/metering/batch-meter-usage}, the seller's API key) for one product, each a customer account, dimension and
 * hour no other call of the run sends, so that every record is stored and deduplicated by the unique key, in one
 * transaction: the commit of the 25-row insert baseline it is compared with.
 *
 * <p>Metering stores one record per customer account, product, dimension and hour inside the 6-hour window, so the
 * run needs many subscribed accounts: the setup makes a product with {@value #DIMENSIONS} dimensions through the API,
 * buys it through the API for one of Globex's accounts, and copies that agreement in SQL for as many further accounts
 * of Globex's (added in SQL, as {@link QuoteAccept} adds them) as the run's options need at {@value
 * #ASSUMED_MAX_RATE} batches a second. The clients take ranges of (account, dimension, hour) keys from one counter;
 * should the keys run out, the run stops with a message saying so.
 */
final class MeteringBatches implements Scenario {

    private static final String BATCH = "/api/v1/metering/batch-meter-usage";
    private static final String QUOTES = "/api/v1/buyer/agreement-requests";

    /** BatchMeterUsage's limit, and the baseline's rows per statement. */
    private static final int RECORDS = 25;

    /** The product's dimensions usage is metered in. */
    private static final int DIMENSIONS = 10;

    /** Hours inside the 6-hour window that each key's account and dimension is metered in. */
    private static final int HOURS = 6;

    /** Far above what the app can store on the project's machines (about 850 a second on a busy 2-core one): the keys last the run. */
    private static final int ASSUMED_MAX_RATE = 2_000;

    /** More would take minutes of setup: a run that needs more must be shorter. */
    private static final int MAX_ACCOUNTS = 200_000;

    private static final String ACCOUNT_BASE = "400000200000";

    /**
     * The accounts belong to a buyer party of their own: as Globex's, tens of thousands of accounts would make every
     * query of Globex's offers (the buyer-offers scenario) match against all of them. Metering asks only whether an
     * account holds an agreement for the product.
     */
    private static final String ADD_ACCOUNTS = """
            WITH buyer AS (
                INSERT INTO parties.party (id, kind, name, created_at)
                VALUES (gen_random_uuid(), 'BUYER', 'Bench metering buyer ' || gen_random_uuid(), now())
                RETURNING id)
            INSERT INTO parties.account (id, party_id, name, kind, unit_id, created_at)
            SELECT added.id, buyer.id, 'Bench metering account ' || added.id, 'MEMBER', NULL, now()
            FROM unnest(?::text[]) AS added (id), buyer""";

    /**
     * Copies of the agreement bought through the API, one per account: new ids, the account (as the acceptor's and
     * the billing account); every other column as bought, whatever columns later migrations add.
     */
    private static final String COPY = """
            INSERT INTO agreements.agreement
            SELECT (jsonb_populate_record(a, jsonb_build_object('id', copy.id, 'initial_agreement_id', copy.id,
                'acceptor_account_id', copy.account, 'billing_account_id', copy.account,
                'request_id', copy.request))).*
            FROM agreements.agreement a CROSS JOIN unnest(?::text[], ?::text[], ?::text[]) AS copy (id, account, request)
            WHERE a.id = ?""";

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public String name() {
        return "metering-batches";
    }

    @Override
    public String description() {
        return "POST " + BATCH + " with " + RECORDS + " new usage records of one SaaS product (seller's API key)";
    }

    @Override
    public Baseline comparedWith() {
        return Baseline.INSERT_25_ROWS;
    }

    @Override
    public Optional<Target> target() {
        return Optional.of(Target.ratioAndPacedP99(0.40, 0.8, Duration.ofMillis(50)));
    }

    @Override
    public Workload prepare(Fixture fixture) throws IOException, InterruptedException {
        var api = fixture.api();
        var accountsNeeded = accountsNeeded(fixture.options());
        if (accountsNeeded > MAX_ACCOUNTS) {
            throw new IOException(String.format(
                    Locale.ROOT,
                    "%s needs %,d subscribed accounts for this run (%d batches a second for as long as its warm-up"
                            + " and measurements may take), more than the %,d it may prepare; shorten --warmup or"
                            + " --duration",
                    name(),
                    accountsNeeded,
                    ASSUMED_MAX_RATE,
                    MAX_ACCOUNTS));
        }
        var product = createProduct(api);
        var first = PrivateOffers.GLOBEX_ACCOUNT;
        var agreement = buy(api, PrivateOffers.of(api, product, 0).release(first), first);
        var accounts = new ArrayList<String>(accountsNeeded);
        accounts.add(first);
        for (int i = 1; i < accountsNeeded; i++) {
            accounts.add(Long.toString(Long.parseLong(ACCOUNT_BASE) + i));
        }
        try (var connection = fixture.database().connect()) {
            connection.setAutoCommit(false);
            copy(connection, agreement, accounts.subList(1, accounts.size()));
            connection.commit();
        } catch (SQLException e) {
            throw new IOException("adding accounts and agreements: " + e.getMessage(), e);
        }
        // The keys' hours end a minute before the app's (simulated) now: the window takes nothing from the future, and
        // nothing 6 hours old.
        var now = Instant.parse(
                json.readTree(api.exchange(api.get("/api/v1/simulation/clock", OfferdeskApi.OPERATOR_API_KEY), 200))
                        .path("now")
                        .asString());
        var latest = now.minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        var keys = new Keys(product, accounts, latest);
        Bench.progress(
                "%,d subscribed accounts of Globex, %d dimensions, %d hours: %,d batches of %d new records",
                accounts.size(), DIMENSIONS, HOURS, keys.batches(), RECORDS);
        Workload workload = () -> new Seller(api, keys);
        try (var caller = workload.newCaller()) {
            caller.call();
        } catch (IOException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        return workload;
    }

    /** Every call uses up {@value #RECORDS} keys, at the assumed rate through every measurement of the run. */
    private int accountsNeeded(BenchOptions options) {
        var closedLoop = options.warmUp().multipliedBy(Bench.WARM_UP_STRETCH).plus(options.window());
        var paced = options.shortWarmUp().plus(options.window());
        var share = target().orElseThrow().latencyAtShareOfMax();
        var seconds = closedLoop.toMillis() / 1e3 + share * paced.toMillis() / 1e3;
        var records = Math.ceil(ASSUMED_MAX_RATE * seconds + 2) * RECORDS;
        return (int) Math.ceil(records / (DIMENSIONS * HOURS));
    }

    private String createProduct(OfferdeskApi api) throws IOException, InterruptedException {
        var dimensions = new StringBuilder(
                "{\"key\":\"analysts\",\"name\":\"Analysts\",\"unit\":\"Users\",\"type\":\"ENTITLED\"}");
        for (int d = 1; d < DIMENSIONS; d++) {
            dimensions.append(
                    ",{\"key\":\"requests-%d\",\"name\":\"Requests %d\",\"unit\":\"Requests\",\"type\":\"METERED\"}"
                            .formatted(d, d));
        }
        var body = """
                {"type":"SAAS","title":"Bench metered product %s","shortDescription":"A product to meter",\
                "dimensions":[%s],"fulfillmentUrl":"https://127.0.0.1:9/signup",\
                "publicOffer":{"pricingModels":["CONTRACT"],"prices":[{"model":"CONTRACT","dimensionKey":"analysts",\
                "durationMonths":12,"amount":"1200","currency":"USD"}]}}""".formatted(UUID.randomUUID(), dimensions);
        var created = api.exchange(
                api.post("/api/v1/products", body, UUID.randomUUID().toString()), 201);
        return json.readTree(created).path("id").asString();
    }

    private String buy(OfferdeskApi api, String offerId, String account) throws IOException, InterruptedException {
        var quote = api.exchange(
                api.post(
                        OfferdeskApi.DEMO_BUYER_API_KEY,
                        QUOTES,
                        "{\"offerId\":\"%s\",\"accountId\":\"%s\"}".formatted(offerId, account),
                        UUID.randomUUID().toString()),
                201);
        var accepted = api.exchange(
                api.post(
                        OfferdeskApi.DEMO_BUYER_API_KEY,
                        QUOTES + "/"
                                + json.readTree(quote)
                                        .path("agreementRequestId")
                                        .asString() + "/accept",
                        "{\"eulaAcknowledged\":true}",
                        UUID.randomUUID().toString()),
                201);
        return json.readTree(accepted).path("agreementId").asString();
    }

    /** The accounts go to a buyer of their own first, then each gets a copy of Globex's agreement. */
    private static void copy(Connection connection, String agreement, List<String> accounts) throws SQLException {
        try (var insert = connection.prepareStatement(ADD_ACCOUNTS)) {
            insert.setArray(1, connection.createArrayOf("text", accounts.toArray()));
            insert.executeUpdate();
        }
        var ids = accounts.stream().map(a -> "agmt-" + random(25)).toArray();
        var requests = accounts.stream().map(a -> "ar-" + random(25)).toArray();
        try (var insert = connection.prepareStatement(COPY)) {
            insert.setArray(1, connection.createArrayOf("text", ids));
            insert.setArray(2, connection.createArrayOf("text", accounts.toArray()));
            insert.setArray(3, connection.createArrayOf("text", requests));
            insert.setString(4, agreement);
            var copied = insert.executeUpdate();
            if (copied != accounts.size()) {
                throw new SQLException("copied %d agreements, expected %d".formatted(copied, accounts.size()));
            }
        }
    }

    private static String random(int length) {
        var random = ThreadLocalRandom.current();
        var id = new char[length];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length()));
        }
        return new String(id);
    }

    /** Every (account, dimension, hour) of the run once, in batches taken from one counter. */
    private static final class Keys {
        private final String product;
        private final List<String> accounts;
        private final Instant latest;
        private final AtomicLong next = new AtomicLong();

        Keys(String product, List<String> accounts, Instant latest) {
            this.product = product;
            this.accounts = List.copyOf(accounts);
            this.latest = latest;
        }

        long batches() {
            return (long) accounts.size() * DIMENSIONS * HOURS / RECORDS;
        }

        String nextBatch() throws Workload.Exhausted {
            var batch = next.getAndIncrement();
            if (batch >= batches()) {
                throw new Workload.Exhausted(String.format(
                        Locale.ROOT,
                        "metering-batches used up its %,d batches of new records: the app stored faster than the %d"
                                + " a second they were prepared for; raise MeteringBatches.ASSUMED_MAX_RATE",
                        batches(),
                        ASSUMED_MAX_RATE));
            }
            var records = new StringBuilder();
            for (long key = batch * RECORDS; key < (batch + 1) * RECORDS; key++) {
                var hour = (int) (key % HOURS);
                var dimension = (int) (key / HOURS % DIMENSIONS);
                var account = accounts.get((int) (key / HOURS / DIMENSIONS));
                if (!records.isEmpty()) {
                    records.append(',');
                }
                records.append(
                        "{\"timestamp\":\"%s\",\"dimension\":\"%s\",\"customerAwsAccountId\":\"%s\",\"quantity\":%d}"
                                .formatted(
                                        latest.minus(Duration.ofHours(hour)),
                                        dimension == 0 ? "analysts" : "requests-" + dimension,
                                        account,
                                        1 + key % 100));
            }
            return "{\"productCode\":\"%s\",\"usageRecords\":[%s]}".formatted(product, records);
        }
    }

    /** One client: its own connection, one batch at a time; every record of it must be a Success. */
    private static final class Seller implements Workload.Caller {
        private final OfferdeskApi api;
        private final Keys keys;
        private final HttpConnection connection;

        Seller(OfferdeskApi api, Keys keys) throws IOException {
            this.api = api;
            this.keys = keys;
            this.connection = api.connect();
        }

        @Override
        public void call() throws IOException {
            var answer = connection.exchangeForAnswer(api.measuredPost(BATCH, keys.nextBatch()));
            if (answer.status() != 200) {
                throw new UnexpectedResponse("POST " + BATCH + " answered " + answer.status());
            }
            if (answer.body().contains("\"CustomerNotSubscribed\"")
                    || answer.body().contains("\"DuplicateRecord\"")) {
                throw new UnexpectedResponse("POST " + BATCH + " did not store every record");
            }
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }
}
