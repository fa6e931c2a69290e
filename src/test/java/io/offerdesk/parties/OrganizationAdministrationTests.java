package io.offerdesk.parties;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.invoicing.CollectionFixtures.Buyer;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A buyer organization's administrator reshapes its tree, designates procurement accounts and the billing account; the
 * review of a quote shows the accounts a purchase involves, and the billing account gets the invoice. Each test uses a
 * buyer of its own: a billing account on a demo organization would move every other test's invoices.
 */
// Moves the shared simulated clock forward (to invoice an installment): runs after the tests that do not.
@Order(Order.DEFAULT + 32)
@EndToEndTest
class OrganizationAdministrationTests {

    static final String INITECH_ADMIN = "admin@initech.example";

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    CollectionFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CollectionFixtures(api, jdbc);
    }

    @Test
    void theAdministratorRenamesMovesAndRemovesUnitsAndAccounts() {
        var buyer = fixtures.buyer();
        var base = "/api/v1/parties/" + buyer.partyId();
        var root = organization(buyer).at("/root/id").asString();
        var finance = created(api.post(base + "/organizational-units", buyer.admin(), "{\"name\":\"Finance\"}"));
        var emea = created(api.post(base + "/organizational-units", buyer.admin(), "{\"name\":\"EMEA\"}"));
        var ledger = api.post(base + "/accounts", buyer.admin(), """
                {"name":"Ledger","unitId":"%s"}""".formatted(finance));
        assertThat(ledger.status()).as(ledger.body()).isEqualTo(201);
        var ledgerId = ledger.json().at("/id").asString();

        var moved = api.put(base + "/organizational-units/" + finance, buyer.admin(), """
                {"name":"Finance Ops","parentId":"%s"}""".formatted(emea));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().at("/name").asString()).isEqualTo("Finance Ops");
        assertThat(moved.json().at("/parentId").asString()).isEqualTo(emea);

        // A unit cannot go under a unit inside it, and the root stays where it is.
        assertRefused(
                api.put(base + "/organizational-units/" + emea, buyer.admin(), "{\"parentId\":\"" + finance + "\"}"),
                "parentId");
        assertRefused(
                api.put(base + "/organizational-units/" + root, buyer.admin(), "{\"parentId\":\"" + emea + "\"}"),
                "parentId");
        assertRefused(
                api.put(base + "/accounts/" + ledgerId, buyer.admin(), "{\"unitId\":\"" + buyer.partyId() + "\"}"),
                "unitId");
        assertRefused(api.put(base + "/accounts/" + ledgerId, buyer.admin(), "{\"name\":\" \"}"), "name");
        assertThat(api.delete(base + "/organizational-units/" + emea, buyer.admin())
                        .status())
                .as("EMEA still holds Finance Ops")
                .isEqualTo(409);
        assertThat(api.delete(base + "/organizational-units/" + finance, buyer.admin())
                        .status())
                .as("Finance Ops still holds the account")
                .isEqualTo(409);

        var renamed = api.put(base + "/accounts/" + ledgerId, buyer.admin(), """
                {"name":"General ledger","unitId":"%s"}""".formatted(root));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().at("/name").asString()).isEqualTo("General ledger");
        assertThat(api.delete(base + "/organizational-units/" + finance, buyer.admin())
                        .status())
                .isEqualTo(204);

        var tree = organization(buyer);
        assertThat(names(tree.at("/root/units"))).containsExactly("EMEA");
        assertThat(tree.at("/root/units/0/units").isEmpty()).isTrue();
        assertThat(accountIds(tree.at("/root/accounts"))).containsExactlyInAnyOrder(buyer.accountId(), ledgerId);
        assertThat(audited(buyer, "OrganizationalUnitMoved", finance)).isEqualTo(1);
        assertThat(audited(buyer, "OrganizationalUnitRemoved", finance)).isEqualTo(1);
        assertThat(audited(buyer, "AccountRenamed", ledgerId)).isEqualTo(1);
        assertThat(audited(buyer, "AccountMoved", ledgerId)).isEqualTo(1);
    }

    @Test
    void onlyTheOrganizationsAdministratorChangesIt() {
        var buyer = fixtures.buyer();
        var base = "/api/v1/parties/" + buyer.partyId();
        assertThat(api.get(base + "/organization", INITECH_ADMIN).status()).isEqualTo(404);
        assertThat(api.put(base + "/accounts/" + buyer.accountId(), INITECH_ADMIN, "{\"procurement\":true}")
                        .status())
                .isEqualTo(404);
        assertThat(api.put(base + "/billing-account", INITECH_ADMIN, "{\"accountId\":\"" + buyer.accountId() + "\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.put(base + "/accounts/" + buyer.accountId(), buyer.procurement(), "{\"procurement\":true}")
                        .status())
                .isEqualTo(403);
        // Another organization's account, addressed through this one: not found.
        assertThat(api.put(base + "/accounts/400000000001", buyer.admin(), "{\"name\":\"Mine\"}")
                        .status())
                .isEqualTo(404);
        assertRefused(
                api.put(base + "/billing-account", buyer.admin(), "{\"accountId\":\"400000000001\"}"), "accountId");
        assertThat(organization(buyer).at("/billingAccountId").isNull()).isTrue();
    }

    @Test
    void theBillingAccountIsBilledAndTheReviewNamesTheAccounts() {
        var buyer = fixtures.buyer();
        var base = "/api/v1/parties/" + buyer.partyId();
        var root = organization(buyer).at("/root/id").asString();
        var billing = api.post(base + "/accounts", buyer.admin(), """
                {"name":"Treasury","unitId":"%s"}""".formatted(root));
        assertThat(billing.status()).as(billing.body()).isEqualTo(201);
        var treasury = billing.json().at("/id").asString();

        // Before any designation every account accepts without a warning and pays for itself.
        var before = quote(buyer, treasury);
        assertThat(before.at("/accounts/procurementAccount").asBoolean()).isTrue();
        assertThat(before.at("/accounts/billingAccountId").asString()).isEqualTo(treasury);

        var designated = api.put(base + "/accounts/" + buyer.accountId(), buyer.admin(), "{\"procurement\":true}");
        assertThat(designated.status()).as(designated.body()).isEqualTo(200);
        assertThat(designated.json().at("/procurement").asBoolean()).isTrue();
        var set = api.put(base + "/billing-account", buyer.admin(), "{\"accountId\":\"" + treasury + "\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().at("/billingAccountId").asString()).isEqualTo(treasury);
        assertThat(set.json().at("/designatesProcurement").asBoolean()).isTrue();

        var fromTreasury = quote(buyer, treasury);
        assertThat(fromTreasury.at("/accounts/ownerAccountId").asString()).isEqualTo(treasury);
        assertThat(fromTreasury.at("/accounts/procurementAccount").asBoolean())
                .as("Treasury is not a procurement account")
                .isFalse();

        var offer = fixtures.installmentOffer(buyer.accountId(), 3, List.of("100.00", "200.00", "300.00"));
        var quote = fixtures.agreements().quote(buyer.procurement(), offer, buyer.accountId());
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        assertThat(quote.json().at("/accounts/ownerAccountId").asString()).isEqualTo(buyer.accountId());
        assertThat(accountIds(quote.json().at("/accounts/entitlementAccountIds")))
                .containsExactly(buyer.accountId());
        assertThat(quote.json().at("/accounts/billingAccountId").asString()).isEqualTo(treasury);
        assertThat(quote.json().at("/accounts/procurementAccount").asBoolean()).isTrue();
        var requestId = quote.json().at("/agreementRequestId").asString();
        created(api.post(base + "/organizational-units", buyer.admin(), "{\"name\":\"Operations\"}"));
        var organizationPage = page(buyer.admin(), "/organization");
        assertThat(organizationPage)
                .contains("id=\"organization-tree\"", "Treasury", "Operations", "billing-badge", "procurement-badge");

        var accepted = fixtures.agreements().accept(buyer.procurement(), requestId);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().at("/acceptor/accountId").asString()).isEqualTo(buyer.accountId());
        assertThat(accepted.json().at("/billedAccount/accountId").asString()).isEqualTo(treasury);
        var agreementId = accepted.json().at("/agreementId").asString();

        // A later change of the billing account leaves the agreement billed where it was accepted.
        assertThat(api.put(base + "/billing-account", buyer.admin(), "{\"accountId\":null}")
                        .json()
                        .at("/billingAccountId")
                        .isNull())
                .isTrue();
        var first = fixtures.charges(buyer.procurement(), agreementId).stream()
                .filter(c -> c.at("/amount").asString().equals("100.00"))
                .findFirst()
                .orElseThrow();
        var due = Instant.parse(first.at("/time").asString()).plusSeconds(3600);
        if (due.isAfter(fixtures.now())) {
            fixtures.advanceTo(due);
        }
        var invoices = fixtures.invoicesOf(agreementId);
        assertThat(invoices).hasSize(1);
        var invoice = api.get("/api/v1/invoices/" + invoices.getFirst(), buyer.finance());
        assertThat(invoice.status()).as(invoice.body()).isEqualTo(200);
        assertThat(invoice.json().at("/invoice/buyerAccountId").asString()).isEqualTo(treasury);
        assertThat(invoice.json().at("/invoice/total").asString()).isEqualTo("100.00");
        assertThat(audited(buyer, "BillingAccountDesignated", buyer.partyId().toString()))
                .isEqualTo(2);
        assertThat(audited(buyer, "ProcurementAccountDesignated", buyer.accountId()))
                .isEqualTo(1);
    }

    private JsonNode quote(Buyer buyer, String account) {
        var offer = fixtures.installmentOffer(account, 1, List.of("10.00"));
        var quote = fixtures.agreements().quote(buyer.procurement(), offer, account);
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var review = page(
                buyer.procurement(),
                "/buyer/agreement-requests/"
                        + quote.json().at("/agreementRequestId").asString());
        assertThat(review.contains("id=\"not-procurement-account\""))
                .isEqualTo(!quote.json().at("/accounts/procurementAccount").asBoolean());
        assertThat(review)
                .contains("id=\"review-billed\">"
                        + quote.json().at("/accounts/billingAccountId").asString() + "<");
        return quote.json();
    }

    /** The page as the user's signed-in browser gets it, following one redirect. */
    private String page(String email, String path) {
        var session = new SignedInSession(api, email, CollectionFixtures.PASSWORD);
        var response = session.get(path);
        if (response.statusCode() == 302) {
            var location = response.headers().firstValue("Location").orElseThrow();
            response = session.get(location.replaceFirst("^https?://[^/]+", ""));
        }
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private JsonNode organization(Buyer buyer) {
        var read = api.get("/api/v1/parties/" + buyer.partyId() + "/organization", buyer.admin());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    private long audited(Buyer buyer, String action, String entityId) {
        return jdbc.sql("SELECT count(*) FROM audit.entry WHERE owner_party_id = ? AND action = ? AND entity_id = ?")
                .params(buyer.partyId().toString(), action, entityId)
                .query(Long.class)
                .single();
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().at("/id").asString();
    }

    private static void assertRefused(Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.body()).contains("\"" + field + "\"");
    }

    private static List<String> names(JsonNode units) {
        var names = new ArrayList<String>();
        units.forEach(u -> names.add(u.at("/name").asString()));
        return names;
    }

    private static List<String> accountIds(JsonNode accounts) {
        var ids = new ArrayList<String>();
        accounts.forEach(a -> ids.add(a.isString() ? a.asString() : a.at("/id").asString()));
        return ids;
    }
}
