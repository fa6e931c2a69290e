package io.offerdesk.commitments;

import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.invoicing.CollectionFixtures.Buyer;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
    void allocatedUsageGoesToTheCostCenterItsTagMapsTo() {
        var fixtures = new CollectionFixtures(api, jdbc);
        var buyer = fixtures.buyer();
        var engineering = define(buyer, "ENG-1", "Engineering");
        var data = define(buyer, "DATA-1", "Data");
        assertThat(api.put("/api/v1/buyer/cost-centers/tag-mappings", buyer.finance(), """
                                {"key":"team","value":"data","costCenterId":"%s"}""".formatted(data))
                        .status())
                .isEqualTo(200);
        // Usage of one month only: stay clear of the month's last hours.
        var now = fixtures.now();
        if (Duration.between(now, monthEnd(now)).compareTo(Duration.ofHours(12)) < 0) {
            fixtures.advanceTo(monthEnd(now).plus(Duration.ofHours(1)));
        }
        var product = meteredProduct();
        var agreement = fixtures.buy(buyer, usageOffer(fixtures, product, buyer.accountId()));
        assertThat(api.put(
                                "/api/v1/buyer/cost-centers/assignments/" + agreement,
                                buyer.finance(),
                                "{\"costCenterId\":\"" + engineering + "\"}")
                        .status())
                .isEqualTo(200);
        var at = fixtures.now().plus(Duration.ofHours(2));
        fixtures.advanceTo(at);
        var sent = api.post("/api/v1/metering/batch-meter-usage", ACME_AUTHOR, """
                {"productCode":"%s","usageRecords":[
                  {"timestamp":"%s","dimension":"requests","customerAwsAccountId":"%s","quantity":1000},
                  {"timestamp":"%s","dimension":"requests","customerAwsAccountId":"%s","quantity":300,
                   "usageAllocations":[
                     {"allocatedUsageQuantity":100,"tags":[{"key":"team","value":"data"}]},
                     {"allocatedUsageQuantity":200,"tags":[{"key":"team","value":"web"}]}]}]}""".formatted(
                        product,
                        at.minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS),
                        buyer.accountId(),
                        at.minus(Duration.ofMinutes(90)).truncatedTo(ChronoUnit.SECONDS),
                        buyer.accountId()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).doesNotContain("DuplicateRecord", "CustomerNotSubscribed");

        // Rated after the month's end and the metering window, invoiced on the day the month ended.
        var end = monthEnd(at);
        fixtures.advanceTo(end.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(1)));
        var month = YearMonth.from(end.atZone(ZoneOffset.UTC));
        var chargeback = api.get("/api/v1/buyer/chargeback?month=" + month, buyer.finance());
        assertThat(chargeback.status()).as(chargeback.body()).isEqualTo(200);
        // 1,000 untagged and 200 tagged team=web (no mapping) follow the agreement; 100 tagged team=data go to Data.
        assertThat(totalsByCostCenter(chargeback.json()))
                .containsOnly(Map.entry(engineering, "12.00"), Map.entry(data, "1.00"));
        chargeback
                .json()
                .at("/totals")
                .forEach(t -> assertThat(t.at("/allocatedUsage").asString())
                        .isEqualTo(t.at("/costCenterId").asString().equals(data) ? "1.00" : "0.00"));
        assertThat(new BigDecimal(chargeback.json().at("/invoiceTotals/USD").asString()))
                .isEqualByComparingTo(invoiceTotal(buyer, month))
                .isEqualByComparingTo("13.00");
    }

    private static Instant monthEnd(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC))
                .plusMonths(1)
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    /** A SaaS product sold by usage (requests at USD 0.01). */
    private String meteredProduct() {
        var created =
                api.post("/api/v1/products", ACME_AUTHOR, """
                {"type":"SAAS","title":"%s","shortDescription":"Analytics metered by request",
                 "dimensions":[{"key":"requests","name":"Requests","unit":"Requests","type":"METERED"}],
                 "fulfillmentUrl":"https://acme.example/signup",
                 "publicOffer":{"pricingModels":["USAGE"],
                   "prices":[{"model":"USAGE","dimensionKey":"requests","amount":"0.01","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Charged-back product")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    /** Acme's pay-as-you-go private offer of the product to the account, requests at USD 0.01. */
    private static String usageOffer(CollectionFixtures fixtures, String product, String account) {
        var o = "$O.Entity.Identifier";
        return fixtures.agreements()
                .released(List.of(
                        change("CreateOffer", null, "O", "{\"ProductId\":\"" + product + "\"}"),
                        change(
                                "UpdateInformation",
                                o,
                                null,
                                "{\"Name\":\"" + OfferFixtures.unique("Usage") + "\",\"Description\":\"Usage\"}"),
                        change(
                                "UpdateTargeting",
                                o,
                                null,
                                "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"" + account + "\"]}}"),
                        change("UpdatePricingTerms", o, null, """
                                {"PricingModel":"Usage","Terms":[{"Type":"UsageBasedPricingTerm","CurrencyCode":"USD",\
                                "RateCards":[{"RateCard":[{"DimensionKey":"requests","Price":"0.01"}]}]}]}"""),
                        change(
                                "UpdateLegalTerms",
                                o,
                                null,
                                "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":[{\"Type\":\"StandardEula\",\"Version\":\"1.0\"}]}]}"),
                        change(
                                "UpdateAvailability",
                                o,
                                null,
                                "{\"AvailabilityEndDate\":\"" + fixtures.today().plusDays(5) + "\"}"),
                        change("ReleaseOffer", o, null, "{}")));
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
