package io.offerdesk.ledger;

import static io.offerdesk.ledger.LedgerFixtures.USD;
import static io.offerdesk.ledger.LedgerFixtures.account;
import static io.offerdesk.ledger.LedgerFixtures.invoice;
import static io.offerdesk.ledger.LedgerFixtures.key;
import static io.offerdesk.ledger.LedgerFixtures.split;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.ledger.internal.InvariantChecks;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The invariant check finds rows written around the ledger. The append-only triggers refuse updates and deletes but
 * not inserts, so these tests break the books with SQL inserts, and take the rows out again afterwards (as a superuser
 * with triggers off), since every other test shares this database.
 */
@EndToEndTest
class LedgerInvariantsTests {

    static final String OPERATOR = "operator@offerdesk.example";
    static final CurrencyUnit EUR = CurrencyUnit.EUR;

    @Autowired
    TestApi api;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvariantChecks checks;

    LedgerFixtures fixtures;

    /** What a test inserted around the ledger, taken out again after it. */
    private final List<String> undo = new ArrayList<>();

    @BeforeEach
    void fixtures() {
        fixtures = new LedgerFixtures(ledger, transactions);
    }

    @Test
    void theCheckReadsTheWholeJournalUnderTheLongStatementTimeoutForItsTransactionOnly() {
        String during = transactions.execute(status -> {
            checks.run(Instant.now(), InvariantCheck.Trigger.ON_REQUEST, System.nanoTime());
            status.setRollbackOnly();
            return jdbc.sql("SHOW statement_timeout").query(String.class).single();
        });
        assertThat(during)
                .as("a large journal outlasts the 30 s every connection has")
                .isEqualTo("10min");
        String after = transactions.execute(
                status -> jdbc.sql("SHOW statement_timeout").query(String.class).single());
        assertThat(after).as("the connection goes back to the pool as it was").isEqualTo("30s");
    }

    @AfterEach
    void takeOutWhatWasInserted() {
        if (!undo.isEmpty()) {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("SET LOCAL session_replication_role = replica").update();
                undo.reversed().forEach(sql -> jdbc.sql(sql).update());
            });
        }
        assertThat(invariants.checkNow().passed()).isTrue();
    }

    @Test
    void aLedgerPostedThroughTheLedgerPassesEveryCheck() {
        var buyer = UUID.randomUUID();
        var key = key("collection");
        fixtures.post(invoice(key("invoice"), buyer, Money.of(USD, 12), Money.of(USD, 1)));
        fixtures.post(split(key, buyer, UUID.randomUUID(), Money.of(USD, 8), Money.of(USD, 3), Money.of(USD, 2)));
        fixtures.reverse(key, key("refund"));

        var check = api.post("/api/v1/ledger/invariants", OPERATOR, "");

        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().at("/passed").asBoolean()).isTrue();
        assertThat(check.json().at("/violationCount").asLong()).isZero();
        assertThat(check.json().at("/trigger").asString()).isEqualTo("ON_REQUEST");
        assertThat(check.json().at("/entries").asLong()).isGreaterThanOrEqualTo(3);
        var usd = total(check.json(), "USD");
        assertThat(usd.at("/balanced").asBoolean()).isTrue();
        assertThat(usd.at("/debitsMinor").asLong())
                .isEqualTo(usd.at("/creditsMinor").asLong());
        assertThat(api.get("/api/v1/ledger/invariants", OPERATOR)
                        .json()
                        .at("/id")
                        .asLong())
                .isEqualTo(check.json().at("/id").asLong());
    }

    @Test
    void theCheckReportsEveryKindOfBrokenRowAndWhereItIs() {
        var buyer = UUID.randomUUID();
        var usdKey = key("invoice");
        var eurKey = key("invoice");
        fixtures.post(invoice(usdKey, buyer, Money.of(USD, 100), Money.of(USD, 10)));
        fixtures.post(invoice(eurKey, buyer, Money.of(EUR, 50), Money.of(EUR, 5)));
        invariants.takeCheckpoints(LedgerFixtures.AT);
        var usdReceivable = accountId(account(buyer, AccountRole.BUYER_RECEIVABLE, USD));
        var eurReceivable = accountId(account(buyer, AccountRole.BUYER_RECEIVABLE, EUR));
        var eurClearing = accountId(LedgerAccount.marketplace(AccountRole.MARKETPLACE_CLEARING, EUR));

        // A USD posting that credits a EUR account: the entry, and each currency, stop balancing.
        insert(
                "INSERT INTO ledger.posting (entry_id, leg, debit_account_id, credit_account_id, currency,"
                        + " amount_minor) VALUES (%d, 2, %d, %d, 'USD', 500)",
                "DELETE FROM ledger.posting WHERE entry_id = %d AND leg = 2",
                entryId(usdKey),
                usdReceivable,
                eurReceivable);
        // A posting back-dated before the checkpoint: balances read from the checkpoint miss it.
        insert(
                "INSERT INTO ledger.posting (entry_id, leg, debit_account_id, credit_account_id, currency,"
                        + " amount_minor, xact_id) VALUES (%d, 2, %d, %d, 'EUR', 700, '1')",
                "DELETE FROM ledger.posting WHERE entry_id = %d AND leg = 2",
                entryId(eurKey),
                eurReceivable,
                eurClearing);
        // An entry without postings, and a "reversal" that moves the money the same way again.
        var emptyKey = key("empty");
        insertEntry(emptyKey, null);
        var reversalKey = key("bad-reversal");
        var reversal = insertEntry(reversalKey, entryId(eurKey));
        insert(
                "INSERT INTO ledger.posting (entry_id, leg, debit_account_id, credit_account_id, currency,"
                        + " amount_minor) VALUES (%d, 0, %d, %d, 'EUR', 5000)",
                "DELETE FROM ledger.posting WHERE entry_id = %d", reversal, eurReceivable, eurClearing);

        // Rows that name what does not exist: the posting path has no foreign keys.
        var missingEntry = entryId(eurKey) + 1_000_000;
        insert(
                "INSERT INTO ledger.posting (entry_id, leg, debit_account_id, credit_account_id, currency,"
                        + " amount_minor) VALUES (%d, 0, %d, %d, 'EUR', 1)",
                "DELETE FROM ledger.posting WHERE entry_id = %d", missingEntry, eurReceivable, eurClearing);
        var danglingReversalKey = key("reversal-of-nothing");
        insertEntry(danglingReversalKey, -1L);

        var check = api.post("/api/v1/ledger/invariants", OPERATOR, "").json();

        assertThat(check.at("/passed").asBoolean()).isFalse();
        var found = new ArrayList<String>();
        check.at("/violations")
                .forEach(v -> found.add(
                        v.at("/kind").asString() + " " + v.at("/entryKey").asString("-") + " "
                                + v.at("/account").asString("-") + " "
                                + v.at("/currency").asString("-")));
        var usdAccount = "BUYER_RECEIVABLE/" + buyer + "/";
        assertThat(found)
                .contains(
                        "UNBALANCED_ENTRY " + usdKey + " - USD",
                        "UNBALANCED_ENTRY " + usdKey + " - EUR",
                        "UNBALANCED_CURRENCY - - USD",
                        "UNBALANCED_CURRENCY - - EUR",
                        "CURRENCY_MISMATCH " + usdKey + " " + usdAccount + "EUR USD",
                        "EMPTY_ENTRY " + emptyKey + " - -",
                        "REVERSAL_MISMATCH " + reversalKey + " - -",
                        "DANGLING_REFERENCE - - -",
                        "DANGLING_REFERENCE " + danglingReversalKey + " - -",
                        "DERIVED_BALANCE_MISMATCH - " + usdAccount + "EUR EUR");
        assertThat(check.at("/violationCount").asLong()).isGreaterThanOrEqualTo(found.size());
        var usd = total(check, "USD");
        assertThat(usd.at("/debitsMinor").asLong() - usd.at("/creditsMinor").asLong())
                .isEqualTo(500);
        assertThat(usd.at("/balanced").asBoolean()).isFalse();

        // The result is kept: the operator reads it again as the latest.
        var last = api.get("/api/v1/ledger/invariants", OPERATOR).json();
        assertThat(last.at("/id").asLong()).isEqualTo(check.at("/id").asLong());
        assertThat(last.at("/violations").size())
                .isEqualTo(check.at("/violations").size());
        assertThat(last.at("/passed").asBoolean()).isFalse();
    }

    @Test
    void onlyTheOperatorChecksTheInvariants() {
        assertThat(api.post("/api/v1/ledger/invariants", "admin@acme.example", "")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/ledger/invariants", "finance@globex.example")
                        .status())
                .isEqualTo(403);
    }

    private static JsonNode total(JsonNode check, String currency) {
        for (var total : check.at("/totals")) {
            if (total.at("/currency").asString().equals(currency)) {
                return total;
            }
        }
        throw new AssertionError("no total for " + currency + " in " + check);
    }

    private long accountId(LedgerAccount account) {
        return jdbc.sql("SELECT id FROM ledger.account WHERE owner_party_id = ? AND role = ? AND currency = ?")
                .params(
                        account.ownerPartyId(),
                        account.role().name(),
                        account.currency().getCode())
                .query(Long.class)
                .single();
    }

    private long entryId(String key) {
        return jdbc.sql("SELECT id FROM ledger.journal_entry WHERE idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    private void insert(String sql, String undoSql, long entryId, long debit, long credit) {
        jdbc.sql(sql.formatted(entryId, debit, credit)).update();
        undo.add(undoSql.formatted(entryId));
    }

    private long insertEntry(String key, @Nullable Long reverses) {
        var id = jdbc.sql("""
                        INSERT INTO ledger.journal_entry (idempotency_key, reason_code, occurred_at, reverses_entry_id)
                        VALUES (?, 'TAMPERED', now(), ?) RETURNING id
                        """).param(key).param(reverses).query(Long.class).single();
        undo.add("DELETE FROM ledger.journal_entry WHERE id = " + id);
        return id;
    }
}
