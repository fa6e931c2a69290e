package io.offerdesk.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.invoicing.CollectionFixtures.Buyer;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Cost centers, the monthly chargeback and the procurement insights of a buyer of the test's own, end to end: the
 * chargeback's cost centers add up to the month's invoice totals as the invoices API reports them, the insights show
 * the same spend by product, seller, cost center and month, and no other party sees any of it.
 */
// Moves the shared simulated clock forward (to invoice installments): runs after the tests that do not.
@Order(Order.DEFAULT + 33)
@EndToEndTest
class CostCenterTests {

    static final String INITECH_FINANCE = "finance@initech.example";
    static final String ACME_AUTHOR = "author@acme.example";

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void chargebackAddsUpToTheMonthsInvoicesAndInsightsShowTheSameSpend() {
        var fixtures = new CollectionFixtures(api, jdbc);
        var buyer = fixtures.buyer();
        var engineering = define(buyer, "ENG-1", "Engineering");
        var finance = define(buyer, "FIN-2", "Finance");
        var first = fixtures.buy(buyer, fixtures.installmentOffer(buyer.accountId(), 2, List.of("1000.00", "250.00")));
        var second = fixtures.buy(buyer, fixtures.installmentOffer(buyer.accountId(), 1, List.of("400.00")));

        var assigned = api.put(
                "/api/v1/buyer/cost-centers/assignments/" + first,
                buyer.finance(),
                "{\"costCenterId\":\"" + engineering + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        var mapped = api.put("/api/v1/buyer/cost-centers/tag-mappings", buyer.finance(), """
                {"key":"team","value":"data","costCenterId":"%s"}""".formatted(finance));
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/buyer/cost-centers/tag-mappings", buyer.procurement())
                        .json()
                        .at("/0/costCenterId")
                        .asString())
                .isEqualTo(finance);

        // Both first installments fall due on the same day; the run invoices them an hour later.
        var due = Instant.parse(fixtures.charges(buyer.procurement(), first).stream()
                .filter(c -> c.at("/amount").asString().equals("1000.00"))
                .findFirst()
                .orElseThrow()
                .at("/time")
                .asString());
        if (due.plusSeconds(3600).isAfter(fixtures.now())) {
            fixtures.advanceTo(due.plusSeconds(3600));
        }
        var month = YearMonth.from(due.atZone(ZoneOffset.UTC));
        var invoiced = invoiceTotal(buyer, month);
        assertThat(invoiced).isEqualByComparingTo("1400.00");

        var chargeback = api.get("/api/v1/buyer/chargeback?month=" + month, buyer.finance());
        assertThat(chargeback.status()).as(chargeback.body()).isEqualTo(200);
        var totals = totalsByCostCenter(chargeback.json());
        assertThat(totals).containsOnly(Map.entry(engineering, "1000.00"), Map.entry("", "400.00"));
        var sum = totals.values().stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(invoiced);
        assertThat(chargeback.json().at("/invoiceTotals/USD").asString()).isEqualTo("1400.00");
        assertThat(chargeback.json().at("/lines").size()).isEqualTo(2);
        chargeback
                .json()
                .at("/lines")
                .forEach(line -> assertThat(line.at("/basis").asString())
                        .isEqualTo(line.at("/agreementId").asString().equals(first) ? "AGREEMENT" : "UNASSIGNED"));

        var csv = api.get("/api/v1/buyer/chargeback.csv?month=" + month, buyer.finance());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("TOTAL,ENG-1,Engineering,", ",USD,1000.00,0.00,1000.00", "TOTAL,,UNASSIGNED,");

        // An offer released now expires within days: one the buyer should look at.
        var open = fixtures.installmentOffer(buyer.accountId(), 1, List.of("99.00"));
        var insights = api.get("/api/v1/buyer/insights?from=" + month + "&to=" + month, buyer.procurement());
        assertThat(insights.status()).as(insights.body()).isEqualTo(200);
        var spend = insights.json().at("/spend/0");
        assertThat(spend.at("/currencyCode").asString()).isEqualTo("USD");
        assertThat(new BigDecimal(spend.at("/total").asString())).isEqualByComparingTo(invoiced);
        assertThat(amounts(spend.at("/byProduct"))).containsExactly("1000.00", "400.00");
        assertThat(spend.at("/bySeller/0/name").asString()).isEqualTo("Acme Analytics");
        assertThat(spend.at("/bySeller/0/spend").asString()).isEqualTo("1400.00");
        assertThat(spend.at("/byMonth/0/key").asString()).isEqualTo(month.toString());
        assertThat(spend.at("/byMonth/0/spend").asString()).isEqualTo("1400.00");
        var byCostCenter = new HashMap<String, String>();
        insights.json()
                .at("/spendByCostCenter")
                .forEach(s -> byCostCenter.put(
                        s.at("/code").isNull() ? "" : s.at("/code").asString(),
                        s.at("/spend").asString()));
        assertThat(byCostCenter).containsOnly(Map.entry("ENG-1", "1000.00"), Map.entry("", "400.00"));
        var ending = ids(insights.json().at("/agreementsEndingSoon"), "/agreementId");
        assertThat(ending).contains(first, second);
        assertThat(ids(insights.json().at("/offersExpiringSoon"), "/offerId")).contains(open);

        var session = new SignedInSession(api, buyer.finance(), CollectionFixtures.PASSWORD);
        var page = html(session.get("/buyer/insights?from=" + month + "&to=" + month + "&lang=en"));
        assertThat(page).contains("id=\"commitment-summary\"", "hx-get=\"/buyer/commitments/summary\"", "1400.00");
        var report = html(session.get("/buyer/chargeback?month=" + month + "&lang=en"));
        assertThat(report).contains("id=\"chargeback-lines\"", "ENG-1", "Unassigned", "chargeback-chart");
        assertThat(html(session.get("/buyer/cost-centers?lang=zh-CN"))).contains("成本中心", "FIN-2");

        assertThat(audited(buyer, "CostCenterDefined")).isEqualTo(2);
        assertThat(audited(buyer, "CostCenterAssigned")).isEqualTo(1);
        assertThat(audited(buyer, "CostCenterTagMapped")).isEqualTo(1);
    }

    @Test
    void noOtherPartySeesOrChangesTheCostCenters() {
        var fixtures = new CollectionFixtures(api, jdbc);
        var buyer = fixtures.buyer();
        var engineering = define(buyer, "ENG-1", "Engineering");
        var agreement = fixtures.buy(buyer, fixtures.installmentOffer(buyer.accountId(), 1, List.of("10.00")));

        assertThat(api.get("/api/v1/buyer/cost-centers/" + engineering, INITECH_FINANCE)
                        .status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/buyer/cost-centers/" + engineering, INITECH_FINANCE, """
                                {"code":"MINE","name":"Mine"}""")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/buyer/cost-centers/" + engineering, ACME_AUTHOR)
                        .status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/buyer/cost-centers/assignments/" + agreement, INITECH_FINANCE, "{}")
                        .status())
                .isEqualTo(404);
        assertThat(ids(api.get("/api/v1/buyer/cost-centers", INITECH_FINANCE).json(), "/id"))
                .doesNotContain(engineering);
        // Initech cannot map its usage to this buyer's cost center: it is not one of Initech's.
        assertRefused(
                api.put(
                        "/api/v1/buyer/cost-centers/tag-mappings",
                        INITECH_FINANCE,
                        "{\"key\":\"team\",\"value\":\"x\",\"costCenterId\":\"" + engineering + "\"}"),
                "costCenterId");
        assertThat(api.get("/api/v1/buyer/chargeback", ACME_AUTHOR).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/buyer/insights", ACME_AUTHOR).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/buyer/cost-centers", buyer.procurement(), """
                                {"code":"P-1","name":"Procurement"}""")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/buyer/cost-centers/assignments", buyer.finance())
                        .json()
                        .isEmpty())
                .isTrue();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        var buyer = new CollectionFixtures(api, jdbc).buyer();
        define(buyer, "ENG-1", "Engineering");
        assertRefused(
                api.post("/api/v1/buyer/cost-centers", buyer.finance(), "{\"code\":\"\",\"name\":\"X\"}"), "code");
        assertRefused(
                api.post("/api/v1/buyer/cost-centers", buyer.finance(), "{\"code\":\"=SUM(A1)\",\"name\":\"X\"}"),
                "code");
        assertRefused(api.post("/api/v1/buyer/cost-centers", buyer.finance(), "{\"code\":\"X-1\"}"), "name");
        assertThat(api.post("/api/v1/buyer/cost-centers", buyer.finance(), "{\"code\":\"eng-1\",\"name\":\"Again\"}")
                        .status())
                .isEqualTo(409);
        assertRefused(
                api.put(
                        "/api/v1/buyer/cost-centers/tag-mappings",
                        buyer.finance(),
                        "{\"key\":\"team\",\"value\":\"data\",\"costCenterId\":\"cc-nosuchcostcenter\"}"),
                "costCenterId");
        assertRefused(api.get("/api/v1/buyer/chargeback?month=2026-13", buyer.finance()), "month");
        assertRefused(api.get("/api/v1/buyer/insights?from=2030-05&to=2030-01", buyer.finance()), "from");
        assertThat(api.get("/api/v1/buyer/cost-centers", buyer.finance()).json().size())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/buyer/cost-centers/tag-mappings", buyer.finance())
                        .json()
                        .isEmpty())
                .isTrue();
    }

    private String define(Buyer buyer, String code, String name) {
        var defined = api.post("/api/v1/buyer/cost-centers", buyer.finance(), """
                {"code":"%s","name":"%s"}""".formatted(code, name));
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        return defined.json().at("/id").asString();
    }

    /** The month's invoice totals as the invoices API reports them to the buyer. */
    private BigDecimal invoiceTotal(Buyer buyer, YearMonth month) {
        var page = api.get(
                "/api/v1/invoices?issuedFrom=" + month.atDay(1) + "&issuedTo=" + month.atEndOfMonth() + "&limit=100",
                buyer.finance());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        var total = BigDecimal.ZERO;
        for (var invoice : page.json().at("/invoices")) {
            if (YearMonth.parse(invoice.at("/invoiceDate").asString().substring(0, 7))
                    .equals(month)) {
                var amount = new BigDecimal(invoice.at("/total").asString());
                total = total.add(
                        invoice.at("/invoiceType").asString().equals("CREDIT_MEMO") ? amount.negate() : amount);
            }
        }
        return total;
    }

    private long audited(Buyer buyer, String action) {
        return jdbc.sql("SELECT count(*) FROM audit.entry WHERE owner_party_id = ? AND action = ?")
                .params(buyer.partyId().toString(), action)
                .query(Long.class)
                .single();
    }

    private static Map<String, String> totalsByCostCenter(JsonNode chargeback) {
        var totals = new HashMap<String, String>();
        chargeback
                .at("/totals")
                .forEach(t -> totals.put(
                        t.at("/costCenterId").isNull()
                                ? ""
                                : t.at("/costCenterId").asString(),
                        t.at("/total").asString()));
        return totals;
    }

    private static List<String> amounts(JsonNode shares) {
        var amounts = new java.util.ArrayList<String>();
        shares.forEach(s -> amounts.add(s.at("/spend").asString()));
        return amounts;
    }

    private static List<String> ids(JsonNode items, String pointer) {
        var ids = new java.util.ArrayList<String>();
        items.forEach(i -> ids.add(i.at(pointer).asString()));
        return ids;
    }

    private static String html(java.net.http.HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static void assertRefused(Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.body()).contains("\"" + field + "\"");
    }
}
