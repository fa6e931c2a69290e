package io.offerdesk.ledger;

import static io.offerdesk.ledger.LedgerFixtures.account;
import static io.offerdesk.ledger.LedgerFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Parties read the balances of the accounts they own; the operator reads every account, filtered. */
@EndToEndTest
class LedgerAccountsApiTests {

    static final String OPERATOR = "operator@offerdesk.example";
    static final String ACME = "admin@acme.example";
    static final String GLOBEX = "finance@globex.example";
    static final CurrencyUnit GBP = CurrencyUnit.GBP;

    @Autowired
    TestApi api;

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transactions;

    LedgerFixtures fixtures;
    UUID acme;
    UUID globex;

    @BeforeEach
    void parties() {
        fixtures = new LedgerFixtures(ledger, transactions);
        acme = UUID.fromString(
                api.get("/api/v1/parties/me", ACME).json().at("/id").asString());
        globex = UUID.fromString(
                api.get("/api/v1/parties/me", GLOBEX).json().at("/id").asString());
    }

    @Test
    void aPartyReadsTheBalancesOfItsOwnAccountsOnly() {
        var before = ledger.balance(account(acme, AccountRole.SELLER_PAYABLE, GBP));
        fixtures.post(LedgerFixtures.invoice(key("invoice"), globex, Money.of(GBP, 90), Money.of(GBP, 9)));
        var collection = key("collection");
        fixtures.post(LedgerFixtures.split(
                collection, acme, UUID.randomUUID(), Money.of(GBP, 80), Money.of(GBP, 9), Money.of(GBP, 1)));
        try {
            readsOwnAccounts(before);
        } finally {
            // Acme's payable is real: left standing, this collection, which invoicing never recorded, would be paid out
            // by the disbursement run and stand in Acme's reconciliation reports.
            fixtures.reverse(collection, collection + ":undone");
        }
    }

    private void readsOwnAccounts(AccountBalance before) {

        var own = api.get("/api/v1/ledger/accounts", ACME);

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().at("/items").size()).isPositive();
        own.json()
                .at("/items")
                .forEach(item -> assertThat(item.at("/ownerPartyId").asString()).isEqualTo(acme.toString()));
        var payable = item(own.json(), "SELLER_PAYABLE", "GBP");
        assertThat(payable.at("/creditsMinor").asLong())
                .isEqualTo(before.credits().getAmountMinorLong() + 8_000);
        assertThat(payable.at("/netMinor").asLong())
                .isEqualTo(payable.at("/debitsMinor").asLong()
                        - payable.at("/creditsMinor").asLong());

        var buyer = api.get("/api/v1/ledger/accounts?currency=gbp", GLOBEX).json();
        assertThat(buyer.at("/items").size()).isPositive();
        buyer.at("/items").forEach(item -> {
            assertThat(item.at("/ownerPartyId").asString()).isEqualTo(globex.toString());
            assertThat(item.at("/currency").asString()).isEqualTo("GBP");
        });
        assertThat(item(buyer, "BUYER_RECEIVABLE", "GBP").at("/debitsMinor").asLong())
                .isGreaterThanOrEqualTo(9_900);
    }

    @Test
    void anotherPartysAccountsAreNotFound() {
        fixtures.post(LedgerFixtures.invoice(key("invoice"), globex, Money.of(GBP, 1), Money.of(GBP, 1)));

        assertThat(api.get("/api/v1/ledger/accounts?owner=" + globex, ACME).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/ledger/accounts?owner=marketplace", GLOBEX).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/ledger/accounts?owner=" + globex, GLOBEX).status())
                .isEqualTo(200);
    }

    @Test
    void theOperatorReadsEveryAccountFilteredByOwnerRoleAndCurrency() {
        fixtures.post(LedgerFixtures.invoice(key("invoice"), globex, Money.of(GBP, 5), Money.of(GBP, 1)));

        var globexAccounts =
                api.get("/api/v1/ledger/accounts?owner=" + globex, OPERATOR).json();
        assertThat(globexAccounts.at("/items").size()).isPositive();
        globexAccounts
                .at("/items")
                .forEach(item -> assertThat(item.at("/ownerPartyId").asString()).isEqualTo(globex.toString()));

        var clearing = api.get(
                        "/api/v1/ledger/accounts?owner=marketplace&role=MARKETPLACE_CLEARING&currency=GBP", OPERATOR)
                .json();
        assertThat(clearing.at("/items").size()).isEqualTo(1);
        assertThat(clearing.at("/items/0/ownerPartyId").asString()).isEqualTo(LedgerAccount.MARKETPLACE.toString());
        assertThat(clearing.at("/items/0/creditsMinor").asLong()).isGreaterThanOrEqualTo(500);

        var firstPage = api.get("/api/v1/ledger/accounts?limit=1", OPERATOR).json();
        assertThat(firstPage.at("/items").size()).isEqualTo(1);
        assertThat(firstPage.at("/more").asBoolean()).isTrue();
        var secondPage =
                api.get("/api/v1/ledger/accounts?limit=1&offset=1", OPERATOR).json();
        assertThat(secondPage.at("/items/0")).isNotEqualTo(firstPage.at("/items/0"));
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        for (var bad : List.of(
                List.of("role=CASH", "role"),
                List.of("currency=XYZ", "currency"),
                List.of("owner=someone", "owner"),
                List.of("limit=0", "limit"),
                List.of("offset=-1", "offset"))) {
            var reply = api.get("/api/v1/ledger/accounts?" + bad.get(0), OPERATOR);
            assertThat(reply.status()).as(bad.get(0)).isEqualTo(422);
            assertThat(reply.json().at("/errors/0/field").asString()).isEqualTo(bad.get(1));
        }
    }

    private static JsonNode item(JsonNode page, String role, String currency) {
        for (var item : page.at("/items")) {
            if (item.at("/role").asString().equals(role)
                    && item.at("/currency").asString().equals(currency)) {
                return item;
            }
        }
        throw new AssertionError("no " + role + " " + currency + " account in " + page);
    }
}
