package io.offerdesk.bench;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * A buyer opens its list of private offers while the marketplace holds {@value #OFFERS} of them, about 0.1 % for this
 * buyer: API key authentication, the buyer's accounts, the GIN-indexed overlap query, a sort of the matches and the
 * first page of offer documents as JSON. The database work is a handful of index lookups and row reads, so it is
 * compared with the select baseline.
 *
 * <p>Creating 100,000 offers through the API would take the setup far longer than the run, so a few are released
 * through the API, so that their documents are what the app writes, and the rest are SQL copies of them under fresh
 * ids, each targeting one account. The copies have no revision history; the list does not read it.
 */
final class BuyerOffers implements Scenario {

    static final int OFFERS = 100_000;

    private static final String PATH = "/api/v1/buyer/offers";

    /** Released through the API: half to Globex, half to someone else. */
    private static final int RELEASED = 4;

    /** One copy in this many targets Globex: about 0.1 %, 100 offers, five pages. */
    private static final int GLOBEX_EVERY = 1_000;

    /** Copies per INSERT statement. */
    private static final int BATCH = 5_000;

    /**
     * Every column from the source row, but a new id and one buyer account, in the columns and in the document: the
     * document's {@code Id} names its row, and its targeting rule is what the app shows as the offer's buyers.
     */
    private static final String COPY = """
            INSERT INTO offers.offer (id, seller_party_id, product_id, state, name, buyer_accounts, renewal,
                release_date, availability_end, expires_at, expiry_announced, revision, created_at, last_modified_at,
                document)
            SELECT copy.id, o.seller_party_id, o.product_id, o.state, o.name, ARRAY[copy.account]::varchar(12)[],
                o.renewal, o.release_date, o.availability_end, o.expires_at, o.expiry_announced, o.revision,
                o.created_at, o.last_modified_at,
                jsonb_set(jsonb_set(o.document, '{Id}', to_jsonb(copy.id)), ?::text[], jsonb_build_array(copy.account))
            FROM offers.offer o CROSS JOIN unnest(?::text[], ?::text[]) AS copy (id, account)
            WHERE o.id = ?""";

    /** Where the offer's buyer accounts are in its document: the targeting rule's place among the rules varies. */
    private static final String TARGETING_PATH = """
            SELECT ARRAY['Rules', (rule.position - 1)::text, 'PositiveTargeting', 'BuyerAccounts']
            FROM offers.offer, jsonb_array_elements(document -> 'Rules') WITH ORDINALITY AS rule (body, position)
            WHERE id = ? AND rule.body ->> 'Type' = 'TargetingRule'""";

    private static final String TO_GLOBEX = """
            SELECT id FROM offers.offer
            WHERE state = 'RELEASED' AND buyer_accounts && ARRAY[?]::varchar(12)[]""";

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public String name() {
        return "buyer-offers";
    }

    @Override
    public String description() {
        return String.format(
                Locale.ROOT, "GET %s, the first page of a buyer's offers among %,d (buyer's API key)", PATH, OFFERS);
    }

    @Override
    public Baseline comparedWith() {
        return Baseline.SELECT_BY_ID;
    }

    @Override
    public Optional<Target> target() {
        return Optional.of(Target.p99(Duration.ofMillis(20)));
    }

    @Override
    public Workload prepare(Fixture fixture) throws IOException, InterruptedException {
        var api = fixture.api();
        var offers = PrivateOffers.of(api);
        var released = new ArrayList<String>();
        for (int i = 0; i < RELEASED; i++) {
            released.add(
                    offers.release(i % 2 == 0 ? PrivateOffers.GLOBEX_ACCOUNT : PrivateOffers.someoneElsesAccount()));
        }
        Set<String> toGlobex;
        try (var connection = fixture.database().connect()) {
            copy(connection, released);
            try (var statement = connection.createStatement()) {
                // ANALYZE, so that the first measured query is planned for a large table; VACUUM, because the GIN
                // index keeps bulk-inserted entries in a pending list that every query scans until a vacuum merges
                // it (89 ms of each query on two cores after the copies), which ANALYZE alone does not do.
                statement.execute("VACUUM ANALYZE offers.offer");
            }
            toGlobex = toGlobex(connection);
        } catch (SQLException e) {
            throw new IOException("copying offers: " + e.getMessage(), e);
        }
        Bench.progress("%,d offers in offers.offer, %,d of them to Globex", OFFERS, toGlobex.size());
        check(api.exchange(api.get(PATH, OfferdeskApi.DEMO_BUYER_API_KEY), 200), toGlobex);
        return api.gets(OfferdeskApi.DEMO_BUYER_API_KEY, PATH, List.of(PATH), 200);
    }

    /** Copies the released offers in turn until the table holds {@value #OFFERS}, whatever other scenarios added. */
    private static void copy(Connection connection, List<String> sources) throws SQLException {
        int existing;
        try (var statement = connection.createStatement();
                var count = statement.executeQuery("SELECT count(*) FROM offers.offer")) {
            count.next();
            existing = count.getInt(1);
        }
        try (var insert = connection.prepareStatement(COPY);
                var targeting = connection.prepareStatement(TARGETING_PATH)) {
            for (int copied = 0, batch = 0; existing + copied < OFFERS; batch++) {
                var size = Math.min(BATCH, OFFERS - existing - copied);
                var source = sources.get(batch % sources.size());
                targeting.setString(1, source);
                Array path;
                try (var found = targeting.executeQuery()) {
                    if (!found.next()) {
                        throw new SQLException("offer " + source + " has no targeting rule");
                    }
                    path = found.getArray(1);
                }
                var ids = new String[size];
                var accounts = new String[size];
                for (int i = 0; i < size; i++) {
                    ids[i] = PrivateOffers.freshOfferId();
                    accounts[i] = (copied + i) % GLOBEX_EVERY == 0
                            ? PrivateOffers.GLOBEX_ACCOUNT
                            : PrivateOffers.someoneElsesAccount();
                }
                insert.setArray(1, path);
                insert.setArray(2, connection.createArrayOf("text", ids));
                insert.setArray(3, connection.createArrayOf("text", accounts));
                insert.setString(4, source);
                var inserted = insert.executeUpdate();
                if (inserted != size) {
                    throw new SQLException("copied %d offers, expected %d".formatted(inserted, size));
                }
                copied += size;
            }
        }
    }

    private static Set<String> toGlobex(Connection connection) throws SQLException {
        var ids = new HashSet<String>();
        try (var select = connection.prepareStatement(TO_GLOBEX)) {
            select.setString(1, PrivateOffers.GLOBEX_ACCOUNT);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** The first page must be full of Globex's offers, and only of them, each as its document says. */
    private void check(String answer, Set<String> toGlobex) throws IOException {
        var listed = json.readTree(answer).path("offers");
        if (listed.isEmpty()) {
            throw new IOException("GET %s lists no offer to Globex: %s".formatted(PATH, answer));
        }
        for (var offer : listed) {
            var id = offer.path("id").asString();
            var buyers = offer.path("buyerAccounts").toString();
            if (!toGlobex.contains(id) || !buyers.contains('"' + PrivateOffers.GLOBEX_ACCOUNT + '"')) {
                throw new IOException(String.format(
                        Locale.ROOT, "GET %s lists offer %s for %s, not an offer to Globex", PATH, id, buyers));
            }
        }
    }
}
