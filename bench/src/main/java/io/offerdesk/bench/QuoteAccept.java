package io.offerdesk.bench;

import io.offerdesk.bench.OfferdeskApi.UnexpectedResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A buyer buys: one call quotes a private offer ({@code POST /api/v1/buyer/agreement-requests}) and accepts the quote
 * ({@code POST …/{agreementRequestId}/accept}, with an Idempotency-Key) on the same connection, as Globex's procurement
 * user. The acceptance is one transaction that writes the agreement and its 12 charges, the outbox row of its event,
 * an audit entry and the idempotency record: the rows of the accept transaction baseline it is compared with.
 *
 * <p>A buyer account holds one agreement per product, so every call needs a (buyer account, product) pair of its own.
 * The setup makes them: {@value #ACCOUNTS} more accounts for Globex, as many SaaS products of Acme's through the API as
 * the run's options need ({@value #ASSUMED_MAX_RATE} acceptances a second for the longest the load can run), one
 * private offer with the 12-installment contract of {@link PrivateOffers} released through the API, and SQL copies of
 * it, one per product and group of {@value #ACCOUNTS_PER_OFFER} accounts. The clients take pairs in a shuffled order
 * from one counter; should the pairs run out, the run stops with a message saying so.
 */
final class QuoteAccept implements Scenario {

    private static final String QUOTES = "/api/v1/buyer/agreement-requests";

    /** Added to Globex's three demo accounts, so that each product makes this many pairs. */
    private static final int ACCOUNTS = 100;

    /** Accounts one copy of the offer targets; AWS allows 25 buyer accounts per private offer. */
    private static final int ACCOUNTS_PER_OFFER = 25;

    /** Far above what the app can accept on the project's machines; the pairs prepared for it last the run. */
    private static final int ASSUMED_MAX_RATE = 400;

    /** More would take minutes of setup: a run that needs more must be shorter. */
    private static final int MAX_PRODUCTS = 2_000;

    /** The setup makes products with a few parallel calls; more would only queue in the app on two cores. */
    private static final int SETUP_CLIENTS = 4;

    /** Calls the setup makes itself, to check the path before the load. */
    private static final int SETUP_CALLS = 2;

    /** A product the demo seller can make private offers for (the dimension "analysts", a list price). */
    static final String PRODUCT = """
            {"type":"SAAS","title":"Bench agreement product %s","shortDescription":"A product to buy",\
            "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"}],\
            "fulfillmentUrl":"https://127.0.0.1:9/signup",\
            "publicOffer":{"pricingModels":["CONTRACT"],"prices":[{"model":"CONTRACT","dimensionKey":"analysts",\
            "durationMonths":12,"amount":"1200","currency":"USD"}]}}""";

    private static final String ADD_ACCOUNTS = """
            INSERT INTO parties.account (id, party_id, name, kind, unit_id, created_at)
            SELECT added.id, globex.party_id, 'Bench account ' || added.id, 'MEMBER', NULL, now()
            FROM unnest(?::text[]) AS added (id),
                (SELECT party_id FROM parties.account WHERE id = ?) AS globex""";

    /**
     * Copies of the released offer, each for one product and one group of accounts: a new id, the product and the
     * accounts in the columns and in the document, whose {@code Id}, {@code ProductId} and targeting rule are what
     * the app reads.
     */
    private static final String COPY = """
            INSERT INTO offers.offer (id, seller_party_id, product_id, state, name, buyer_accounts, renewal,
                release_date, availability_end, expires_at, expiry_announced, revision, created_at, last_modified_at,
                document)
            SELECT copy.id, o.seller_party_id, copy.product, o.state, o.name, ?::varchar(12)[], o.renewal,
                o.release_date, o.availability_end, o.expires_at, o.expiry_announced, o.revision, o.created_at,
                o.last_modified_at,
                jsonb_set(jsonb_set(jsonb_set(o.document, '{Id}', to_jsonb(copy.id)), '{ProductId}',
                    to_jsonb(copy.product)), ?::text[], to_jsonb(?::text[]))
            FROM offers.offer o CROSS JOIN unnest(?::text[], ?::text[]) AS copy (id, product)
            WHERE o.id = ?""";

    private static final String TARGETING_PATH = """
            SELECT ARRAY['Rules', (rule.position - 1)::text, 'PositiveTargeting', 'BuyerAccounts']
            FROM offers.offer, jsonb_array_elements(document -> 'Rules') WITH ORDINALITY AS rule (body, position)
            WHERE id = ? AND rule.body ->> 'Type' = 'TargetingRule'""";

    private static final String REQUEST_ID = "\"agreementRequestId\":\"";
    private static final String ACCEPT = "{\"eulaAcknowledged\":true}";

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public String name() {
        return "quote-accept";
    }

    @Override
    public String description() {
        return "POST " + QUOTES + " (a quote), then POST " + QUOTES + "/{id}/accept, each call for a fresh buyer"
                + " account and product (buyer's API key)";
    }

    @Override
    public Baseline comparedWith() {
        return Baseline.ACCEPT_TRANSACTION;
    }

    @Override
    public Optional<Target> target() {
        return Optional.of(Target.ratioAndPacedP99(0.40, 0.7, Duration.ofMillis(50)));
    }

    @Override
    public Workload prepare(Fixture fixture) throws IOException, InterruptedException {
        var api = fixture.api();
        var needed = pairsNeeded(fixture.options());
        var products = (needed + ACCOUNTS - 1) / ACCOUNTS;
        if (products > MAX_PRODUCTS) {
            throw new IOException(String.format(
                    Locale.ROOT,
                    "%s needs %,d (account, product) pairs for this run (%d acceptances a second for as long as its"
                            + " warm-up and measurements may take), more than the %,d of %d products it may prepare;"
                            + " shorten --warmup or --duration",
                    name(),
                    needed,
                    ASSUMED_MAX_RATE,
                    ACCOUNTS * MAX_PRODUCTS,
                    MAX_PRODUCTS));
        }
        var productIds = createProducts(api, products);
        var source = PrivateOffers.of(api, productIds.getFirst()).release(PrivateOffers.someoneElsesAccount());
        var accounts = new ArrayList<String>();
        for (int i = 1; i <= ACCOUNTS; i++) {
            accounts.add(Long.toString(400_000_100_000L + i));
        }
        var pairs = new ArrayList<Pair>(products * ACCOUNTS);
        try (var connection = fixture.database().connect()) {
            connection.setAutoCommit(false);
            addAccounts(connection, accounts);
            for (int from = 0; from < ACCOUNTS; from += ACCOUNTS_PER_OFFER) {
                var group = accounts.subList(from, Math.min(from + ACCOUNTS_PER_OFFER, ACCOUNTS));
                for (var offer : copy(connection, source, productIds, group)) {
                    group.forEach(account -> pairs.add(new Pair(offer, account)));
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IOException("adding accounts and offers: " + e.getMessage(), e);
        }
        Collections.shuffle(pairs);
        Bench.progress(
                "%,d (account, product) pairs: %d accounts added to Globex, %,d products, %,d offers",
                pairs.size(), ACCOUNTS, products, pairs.size() / ACCOUNTS_PER_OFFER);
        var next = new AtomicInteger();
        // Once through the JDK client, which shows the app's errors in full; then once through the measured path, so
        // that the load never measures a failure fast.
        buy(api, pairs.get(next.getAndIncrement()));
        Workload workload = () -> new Buyer(api, pairs, next);
        try (var caller = workload.newCaller()) {
            caller.call();
        } catch (IOException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        return workload;
    }

    /**
     * Every call uses up a pair: at {@value #ASSUMED_MAX_RATE} a second through the longest warm-up, the measured
     * rounds, and the paced run with its warm-up.
     */
    private int pairsNeeded(BenchOptions options) {
        var closedLoop = options.warmUp().multipliedBy(Bench.WARM_UP_STRETCH).plus(options.window());
        var paced = options.shortWarmUp().plus(options.window());
        var share = target().orElseThrow().latencyAtShareOfMax();
        var seconds = closedLoop.toMillis() / 1e3 + share * paced.toMillis() / 1e3;
        return (int) Math.ceil(ASSUMED_MAX_RATE * seconds) + SETUP_CALLS;
    }

    private List<String> createProducts(OfferdeskApi api, int count) throws IOException, InterruptedException {
        var created = new ArrayList<Future<String>>(count);
        try (var setup = Executors.newFixedThreadPool(SETUP_CLIENTS)) {
            for (int i = 0; i < count; i++) {
                created.add(setup.submit(() -> {
                    var request = api.post(
                            "/api/v1/products",
                            PRODUCT.formatted(UUID.randomUUID()),
                            UUID.randomUUID().toString());
                    return json.readTree(api.exchange(request, 201)).path("id").asString();
                }));
            }
        }
        var ids = new ArrayList<String>(count);
        for (var product : created) {
            try {
                ids.add(product.get());
            } catch (ExecutionException e) {
                throw new IOException("creating products: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return ids;
    }

    /**
     * Straight into Globex's accounts, as its administrator would add them (there is no API key of an administrator
     * in the demo). Globex's procurement user acts for every account of its party, so also for these.
     */
    private static void addAccounts(Connection connection, List<String> accounts) throws SQLException {
        try (var insert = connection.prepareStatement(ADD_ACCOUNTS)) {
            insert.setArray(1, connection.createArrayOf("text", accounts.toArray()));
            insert.setString(2, PrivateOffers.GLOBEX_ACCOUNT);
            var added = insert.executeUpdate();
            if (added != accounts.size()) {
                throw new SQLException("added %d accounts to Globex, expected %d".formatted(added, accounts.size()));
            }
        }
    }

    /** One copy of the source offer per product, each targeting the group of accounts; returns the copies' ids. */
    private static List<String> copy(Connection connection, String source, List<String> products, List<String> group)
            throws SQLException {
        Object path;
        try (var targeting = connection.prepareStatement(TARGETING_PATH)) {
            targeting.setString(1, source);
            try (var found = targeting.executeQuery()) {
                if (!found.next()) {
                    throw new SQLException("offer " + source + " has no targeting rule");
                }
                path = found.getArray(1);
            }
        }
        var ids = products.stream().map(product -> PrivateOffers.freshOfferId()).toList();
        try (var insert = connection.prepareStatement(COPY)) {
            var accounts = connection.createArrayOf("text", group.toArray());
            insert.setArray(1, accounts);
            insert.setObject(2, path);
            insert.setArray(3, accounts);
            insert.setArray(4, connection.createArrayOf("text", ids.toArray()));
            insert.setArray(5, connection.createArrayOf("text", products.toArray()));
            insert.setString(6, source);
            var copied = insert.executeUpdate();
            if (copied != ids.size()) {
                throw new SQLException("copied %d offers, expected %d".formatted(copied, ids.size()));
            }
        }
        return ids;
    }

    /** A quote and its acceptance through the JDK client, which reports the app's answer in full when it fails. */
    private static void buy(OfferdeskApi api, Pair pair) throws IOException, InterruptedException {
        var quote = api.exchange(
                api.post(
                        OfferdeskApi.DEMO_BUYER_API_KEY,
                        QUOTES,
                        pair.quote(),
                        UUID.randomUUID().toString()),
                201);
        api.exchange(
                api.post(
                        OfferdeskApi.DEMO_BUYER_API_KEY,
                        QUOTES + "/" + OfferdeskApi.member(quote, REQUEST_ID) + "/accept",
                        ACCEPT,
                        UUID.randomUUID().toString()),
                201);
    }

    /** A buyer account and an offer for a product; no other call of the run buys the product for the account. */
    private record Pair(String offerId, String accountId) {
        String quote() {
            return "{\"offerId\":\"%s\",\"accountId\":\"%s\"}".formatted(offerId, accountId);
        }
    }

    /** One client: its own connection, one purchase at a time, each with the next pair of the shared list. */
    private static final class Buyer implements Workload.Caller {
        private final OfferdeskApi api;
        private final List<Pair> pairs;
        private final AtomicInteger next;
        private final HttpConnection connection;

        Buyer(OfferdeskApi api, List<Pair> pairs, AtomicInteger next) throws IOException {
            this.api = api;
            this.pairs = pairs;
            this.next = next;
            this.connection = api.connect();
        }

        @Override
        public void call() throws IOException {
            var index = next.getAndIncrement();
            if (index >= pairs.size()) {
                throw new Workload.Exhausted(String.format(
                        Locale.ROOT,
                        "quote-accept used up its %,d (account, product) pairs: the app accepted faster than the %d a"
                                + " second they were prepared for; raise QuoteAccept.ASSUMED_MAX_RATE",
                        pairs.size(),
                        ASSUMED_MAX_RATE));
            }
            var pair = pairs.get(index);
            var quote = connection.exchangeForAnswer(
                    api.measuredPost(OfferdeskApi.DEMO_BUYER_API_KEY, QUOTES, pair.quote()));
            if (quote.status() != 201) {
                throw new UnexpectedResponse("POST " + QUOTES + " answered " + quote.status());
            }
            // The request's id is the answer's first member.
            var accept = QUOTES + "/" + OfferdeskApi.member(quote.body(), REQUEST_ID) + "/accept";
            var accepted = connection.exchange(api.measuredPost(
                    OfferdeskApi.DEMO_BUYER_API_KEY, accept, ACCEPT, "Idempotency-Key: " + UUID.randomUUID()));
            if (accepted != 201) {
                throw new UnexpectedResponse("POST " + QUOTES + "/{id}/accept answered " + accepted);
            }
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }
}
