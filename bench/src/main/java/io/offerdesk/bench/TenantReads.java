package io.offerdesk.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant reads one of its own objects by id among many tenants' rows: a seller its offer, a buyer its agreement and
 * its invoice. API key authentication, the owner-scoped lookup (and the reads the answer needs: an offer's competing
 * offers, an agreement's charges, an invoice's lines, balance and credit memos), JSON out. The database work under it
 * is a few primary-key and index reads, so the select baseline is its ceiling.
 *
 * <p>The three scenarios share one setup, made once per run: Globex buys {@value #PURCHASES} fresh products' private
 * offers through the API, each for an account of its own (added in SQL, as {@link QuoteAccept} does), with the first
 * installment due at acceptance, so that the app's clock issues an invoice per account. Then each table the reads
 * filter gets {@value #OTHER_ROWS} SQL copies of one of those rows for {@value #OTHER_TENANTS} other tenants (other
 * sellers and buyers, other products and accounts), so that the owner's rows are a small minority and the owner
 * predicate has something to exclude.
 */
record TenantReads(String name, String description, String pathTemplate, String apiKey, Ids ids) implements Scenario {

    /** Objects of each kind the owner has; the reads pick one of them at random. */
    static final int PURCHASES = 12;

    /** Rows of other tenants in each of offers.offer, agreements.agreement and invoicing.invoice. */
    static final int OTHER_ROWS = 20_000;

    static final int OTHER_TENANTS = 1_000;

    private static final String QUOTES = "/api/v1/buyer/agreement-requests";
    private static final String ACCOUNT_BASE = "400000300000";
    private static final Duration INVOICED_DEADLINE = Duration.ofMinutes(2);

    private static final String ADD_ACCOUNTS = """
            INSERT INTO parties.account (id, party_id, name, kind, unit_id, created_at)
            SELECT added.id, globex.party_id, 'Bench tenant-reads account ' || added.id, 'MEMBER', NULL, now()
            FROM unnest(?::text[]) AS added (id),
                (SELECT party_id FROM parties.account WHERE id = ?) AS globex""";

    /**
     * Copies of a row of {@code %1$s} with {@code %2$s} (a jsonb object of column overrides, in SQL over {@code n})
     * replacing columns; every other column as in the source. Written once for every table the reads filter.
     */
    private static final String COPY = """
            INSERT INTO %1$s
            SELECT (jsonb_populate_record(source, %2$s)).*
            FROM %1$s source CROSS JOIN generate_series(1, ?) AS n
            WHERE source.id = ?""";

    private static final String OTHER_SELLER = "md5('bench-seller-' || (n % " + OTHER_TENANTS + "))::uuid";
    private static final String OTHER_BUYER = "md5('bench-buyer-' || (n % " + OTHER_TENANTS + "))::uuid";

    private static final String OFFER_COPY = COPY.formatted("offers.offer", """
            jsonb_build_object('id', 'offer-t' || lpad(n::text, 12, '0'), 'seller_party_id', %s,
                'product_id', 'prod-bench-' || (n %% %d), 'buyer_accounts', ARRAY[(700000000000 + n)::text])""".formatted(OTHER_SELLER, OTHER_TENANTS));

    private static final String AGREEMENT_COPY = COPY.formatted(
            "agreements.agreement", """
            jsonb_build_object('id', 'agmt-tenant' || lpad(n::text, 19, '0'),
                'initial_agreement_id', 'agmt-tenant' || lpad(n::text, 19, '0'),
                'request_id', 'agrq-tenant' || lpad(n::text, 12, '0'),
                'proposer_party_id', %s, 'publisher_party_id', %s, 'acceptor_party_id', %s,
                'acceptor_account_id', (700000000000 + n)::text, 'billing_account_id', (700000000000 + n)::text,
                'product_id', 'prod-bench-' || (n %% %d))""".formatted(OTHER_SELLER, OTHER_SELLER, OTHER_BUYER, OTHER_TENANTS));

    private static final String INVOICE_COPY =
            COPY.formatted("invoicing.invoice", """
            jsonb_build_object('id', 'inv-tenant' || lpad(n::text, 12, '0'), 'number', 1000000000 + n,
                'buyer_party_id', %s, 'seller_party_id', %s, 'buyer_account_id', (700000000000 + n)::text)""".formatted(OTHER_BUYER, OTHER_SELLER));

    /** The owner's objects of one kind, made by the shared setup. */
    @FunctionalInterface
    interface Ids {
        List<String> of(Owned owned);
    }

    /** What the shared setup made: the owner's offers (Acme's), agreements and invoices (Globex's). */
    record Owned(List<String> offers, List<String> agreements, List<String> invoices) {}

    private static Owned owned;

    static TenantReads offers() {
        return new TenantReads(
                "offer-reads",
                "GET /api/v1/offers/{offerId}: the seller's own offer among %,d sellers' (seller's key)"
                        .formatted(OTHER_TENANTS),
                "/api/v1/offers/{offerId}",
                OfferdeskApi.DEMO_SELLER_API_KEY,
                Owned::offers);
    }

    static TenantReads agreements() {
        return new TenantReads(
                "agreement-reads",
                "GET /api/v1/agreements/{agreementId}: the buyer's own agreement among %,d buyers' (buyer's key)"
                        .formatted(OTHER_TENANTS),
                "/api/v1/agreements/{agreementId}",
                OfferdeskApi.DEMO_BUYER_API_KEY,
                Owned::agreements);
    }

    static TenantReads invoices() {
        return new TenantReads(
                "invoice-reads",
                "GET /api/v1/invoices/{invoiceId}: the buyer's own invoice among %,d buyers' (buyer's key)"
                        .formatted(OTHER_TENANTS),
                "/api/v1/invoices/{invoiceId}",
                OfferdeskApi.DEMO_BUYER_API_KEY,
                Owned::invoices);
    }

    @Override
    public Baseline comparedWith() {
        return Baseline.SELECT_BY_ID;
    }

    @Override
    public Optional<Target> target() {
        return Optional.of(new Target(0.25, Duration.ofMillis(10)));
    }

    @Override
    public Workload prepare(Fixture fixture) throws IOException, InterruptedException {
        var api = fixture.api();
        var mine = ids.of(owned(fixture));
        var variable = pathTemplate.substring(pathTemplate.indexOf('{'));
        var paths = mine.stream().map(id -> pathTemplate.replace(variable, id)).toList();
        // A 200 with another object would make every measured call look fine, so look at each answer once.
        for (int i = 0; i < paths.size(); i++) {
            var answer = api.exchange(api.get(paths.get(i), apiKey), 200);
            if (!answer.contains('"' + mine.get(i) + '"')) {
                throw new IOException("GET %s did not answer with %s: %s".formatted(paths.get(i), mine.get(i), answer));
            }
        }
        return api.gets(apiKey, pathTemplate, paths, 200);
    }

    /** The shared setup, made by the first of the three scenarios a run prepares. */
    private static synchronized Owned owned(Fixture fixture) throws IOException, InterruptedException {
        if (owned == null) {
            owned = setUp(fixture);
        }
        return owned;
    }

    private static Owned setUp(Fixture fixture) throws IOException, InterruptedException {
        var api = fixture.api();
        var json = JsonMapper.builder().build();
        var accounts = IntStream.rangeClosed(1, PURCHASES)
                .mapToObj(i -> Long.toString(Long.parseLong(ACCOUNT_BASE) + i))
                .toList();
        try (var connection = fixture.database().connect()) {
            addAccounts(connection, accounts);
        } catch (SQLException e) {
            throw new IOException("adding Globex's accounts: " + e.getMessage(), e);
        }
        var offers = new ArrayList<String>();
        var agreements = new ArrayList<String>();
        for (var account : accounts) {
            var product = json.readTree(api.exchange(
                            api.post(
                                    "/api/v1/products",
                                    QuoteAccept.PRODUCT.formatted(UUID.randomUUID()),
                                    UUID.randomUUID().toString()),
                            201))
                    .path("id")
                    .asString();
            var offer = PrivateOffers.of(api, product, 0).release(account);
            var quote = json.readTree(api.exchange(
                    api.post(
                            OfferdeskApi.DEMO_BUYER_API_KEY,
                            QUOTES,
                            "{\"offerId\":\"%s\",\"accountId\":\"%s\"}".formatted(offer, account),
                            UUID.randomUUID().toString()),
                    201));
            var agreement = json.readTree(api.exchange(
                            api.post(
                                    OfferdeskApi.DEMO_BUYER_API_KEY,
                                    QUOTES + "/"
                                            + quote.path("agreementRequestId").asString() + "/accept",
                                    "{\"eulaAcknowledged\":true}",
                                    UUID.randomUUID().toString()),
                            201))
                    .path("agreementId")
                    .asString();
            offers.add(offer);
            agreements.add(agreement);
        }
        try (var connection = fixture.database().connect()) {
            var invoices = invoices(connection, agreements);
            copy(connection, OFFER_COPY, offers.getFirst());
            copy(connection, AGREEMENT_COPY, agreements.getFirst());
            copy(connection, INVOICE_COPY, invoices.getFirst());
            try (var statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE offers.offer, agreements.agreement, invoicing.invoice");
            }
            Bench.progress(
                    "%d offers, agreements and %d invoices of their own for Acme and Globex, among %,d rows of %,d"
                            + " other tenants in each table",
                    PURCHASES, invoices.size(), OTHER_ROWS, OTHER_TENANTS);
            return new Owned(List.copyOf(offers), List.copyOf(agreements), invoices);
        } catch (SQLException e) {
            throw new IOException("copying other tenants' rows: " + e.getMessage(), e);
        }
    }

    private static void addAccounts(Connection connection, List<String> accounts) throws SQLException {
        try (var insert = connection.prepareStatement(ADD_ACCOUNTS)) {
            insert.setArray(1, connection.createArrayOf("text", accounts.toArray()));
            insert.setString(2, PrivateOffers.GLOBEX_ACCOUNT);
            insert.executeUpdate();
        }
    }

    /**
     * Waits until the app's clock (it polls for due work every few seconds) invoiced the first installment of every
     * agreement, and returns the invoices: one per account, since each agreement is for an account of its own.
     */
    private static List<String> invoices(Connection connection, List<String> agreements)
            throws SQLException, IOException, InterruptedException {
        var deadline = System.nanoTime() + INVOICED_DEADLINE.toNanos();
        try (var select = connection.prepareStatement("""
                SELECT count(DISTINCT agreement_id), array_agg(DISTINCT invoice_id)
                FROM invoicing.charge WHERE agreement_id = ANY (?) AND invoice_id IS NOT NULL""")) {
            select.setArray(1, connection.createArrayOf("text", agreements.toArray()));
            while (System.nanoTime() < deadline) {
                try (var found = select.executeQuery()) {
                    found.next();
                    if (found.getLong(1) == agreements.size()) {
                        return List.of((String[]) found.getArray(2).getArray());
                    }
                }
                Thread.sleep(Duration.ofSeconds(1));
            }
        }
        throw new IOException(String.format(
                Locale.ROOT,
                "the app did not invoice the first installments of %d agreements in %ds",
                agreements.size(),
                INVOICED_DEADLINE.toSeconds()));
    }

    private static void copy(Connection connection, String sql, String sourceId) throws SQLException {
        try (var insert = connection.prepareStatement(sql)) {
            insert.setInt(1, OTHER_ROWS);
            insert.setString(2, sourceId);
            var copied = insert.executeUpdate();
            if (copied != OTHER_ROWS) {
                throw new SQLException("copied %d rows of %s, expected %d".formatted(copied, sourceId, OTHER_ROWS));
            }
        }
    }
}
