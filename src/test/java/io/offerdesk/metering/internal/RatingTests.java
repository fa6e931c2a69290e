package io.offerdesk.metering.internal;

import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.invoicing.InvoiceFilter;
import io.offerdesk.invoicing.InvoiceLine;
import io.offerdesk.invoicing.Invoices;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Rating end to end on the simulated clock: a month's usage priced at an 8-decimal unit price with one rounding per
 * line, allocation tags on the invoice lines, usage reported within the window after the month's end billed in that
 * month, each period rated once however many workers run, and no charge for an agreement without usage. (A contract
 * with consumption is rated in {@code domain.RatingTests}: the catalog cannot yet sell one dimension both ways.)
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 23)
@EndToEndTest
class RatingTests {

    static final String AUTHOR = AgreementFixtures.AUTHOR;
    static final String GLOBEX = AgreementFixtures.GLOBEX;
    static final String GLOBEX_ACCOUNT = AgreementFixtures.GLOBEX_ACCOUNT;
    static final String OPERATOR = "operator@offerdesk.example";
    static final String BATCH = "/api/v1/metering/batch-meter-usage";
    static final Duration WINDOW = Duration.ofHours(6);

    @Autowired
    TestApi api;

    @Autowired
    Invoices invoices;

    @Autowired
    PrincipalSource principals;

    @Autowired
    UsageRating rating;

    @Autowired
    JdbcClient jdbc;

    AgreementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AgreementFixtures(api);
    }

    @Test
    void aMonthsUsageIsRatedToTheCentWithItsTagsAndInvoicedOnce() throws Exception {
        awayFromMonthEnd();
        var agreement = buy(usageOffer(meteredProduct(), "0.12345678"));
        var idle = buy(usageOffer(meteredProduct(), "0.01"));
        var product = productOf(agreement);
        var now = advance(Duration.ofHours(3));
        var monthEnd = monthEnd(now);
        var sent = batch(
                product,
                record(now.minus(Duration.ofMinutes(150)), 101, ""),
                record(now.minus(Duration.ofMinutes(90)), 300, """
                        ,"usageAllocations":[
                          {"allocatedUsageQuantity":100,"tags":[{"key":"costCenter","value":"alpha"}]},
                          {"allocatedUsageQuantity":200,"tags":[{"key":"costCenter","value":"beta"}]}]"""),
                record(now.minus(Duration.ofMinutes(30)), 505, ""));
        assertThat(sent.body()).doesNotContain("DuplicateRecord", "CustomerNotSubscribed");

        // Within the window after the month's end, usage of the month's last hour still arrives and counts in it.
        advanceTo(monthEnd.plus(Duration.ofHours(2)));
        var late = batch(product, record(monthEnd.minus(Duration.ofMinutes(30)), 11, ""));
        assertThat(late.body()).contains("Success");
        var waiting = rated(agreement, GLOBEX);
        assertThat(waiting.at("/0/periodEnd").asString()).isEqualTo(monthEnd.toString());
        assertThat(waiting.at("/0/ratedAt").isNull()).isTrue();

        // Two workers rate at once when the window has passed; then the clock gets there and rates again.
        var due = monthEnd.plus(WINDOW);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var runs = new ArrayList<Callable<Void>>();
            for (int i = 0; i < 2; i++) {
                runs.add(() -> {
                    rating.runDue(due);
                    return null;
                });
            }
            for (Future<Void> run : pool.invokeAll(runs)) {
                run.get();
            }
        }
        advanceTo(due.plus(Duration.ofMinutes(1)));
        rating.runDue(due.plus(Duration.ofMinutes(1)));

        var price = new BigDecimal("0.12345678");
        // One rounding per line: 617 × 0.12345678 = 76.17 (rounding each record would make 76.18).
        var untagged = price.multiply(BigDecimal.valueOf(101 + 505 + 11)).setScale(2, RoundingMode.HALF_EVEN);
        assertThat(untagged).isEqualByComparingTo("76.17");
        var alpha = price.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_EVEN);
        var beta = price.multiply(BigDecimal.valueOf(200)).setScale(2, RoundingMode.HALF_EVEN);

        for (var reader : List.of(GLOBEX, AUTHOR)) {
            var periods = rated(agreement, reader);
            var month = periods.at("/1");
            assertThat(month.at("/periodEnd").asString()).isEqualTo(monthEnd.toString());
            assertThat(month.at("/ratedAt").isNull()).isFalse();
            assertThat(month.at("/lines")).hasSize(3);
            assertThat(line(month, Map.of()).at("/billedQuantity").asLong()).isEqualTo(617);
            assertThat(line(month, Map.of()).at("/unitPrice").asString()).isEqualTo("0.12345678");
            assertThat(line(month, Map.of()).at("/amount").asString()).isEqualTo(untagged.toPlainString());
            assertThat(line(month, Map.of("costCenter", "alpha")).at("/amount").asString())
                    .isEqualTo(alpha.toPlainString());
            assertThat(line(month, Map.of("costCenter", "beta")).at("/amount").asString())
                    .isEqualTo(beta.toPlainString());
            // the next month is open
            assertThat(periods.at("/0/periodStart").asString()).isEqualTo(monthEnd.toString());
            assertThat(periods.at("/0/ratedAt").isNull()).isTrue();
        }
        assertThat(api.get(ratedPath(agreement), "procurement@initech.example").status())
                .isEqualTo(404);

        // Exactly once: three usage charges, on one invoice dated the day the month ended.
        assertThat(jdbc.sql("SELECT count(*) FROM invoicing.charge WHERE agreement_id = ? AND timing = 'USAGE'")
                        .param(agreement)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        var globex = principals.findLogin(GLOBEX).orElseThrow().principal();
        var issued = invoices.list(globex, new InvoiceFilter(null, null, agreement, null, null, null), 0, 10);
        assertThat(issued).hasSize(1);
        var invoice = issued.getFirst();
        assertThat(invoice.invoiceDate())
                .isEqualTo(monthEnd.atZone(ZoneOffset.UTC).toLocalDate());
        var lines = invoice.lines().stream()
                .filter(l -> l.agreementId().equals(agreement))
                .toList();
        assertThat(lines)
                .extracting(InvoiceLine::amount)
                .containsExactlyInAnyOrder(
                        Money.of(org.joda.money.CurrencyUnit.USD, untagged),
                        Money.of(org.joda.money.CurrencyUnit.USD, alpha),
                        Money.of(org.joda.money.CurrencyUnit.USD, beta));
        assertThat(lines)
                .extracting(InvoiceLine::allocationTags)
                .containsExactlyInAnyOrder(Map.of(), Map.of("costCenter", "alpha"), Map.of("costCenter", "beta"));
        assertThat(lines)
                .filteredOn(l -> l.allocationTags().isEmpty())
                .singleElement()
                .satisfies(l -> assertThat(l.description()).startsWith("Usage of requests, 617 × USD 0.12345678"));

        // The invoice API shows the tags to the buyer.
        var detail = api.get("/api/v1/invoices/" + invoice.id(), GLOBEX);
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        var tagged = new ArrayList<String>();
        for (var line : detail.json().at("/lines")) {
            if (line.at("/agreementId").asString().equals(agreement)
                    && !line.at("/allocationTags/costCenter").isMissingNode()) {
                tagged.add(line.at("/allocationTags/costCenter").asString() + "="
                        + line.at("/amount").asString());
            }
        }
        assertThat(tagged).containsExactlyInAnyOrder("alpha=" + alpha.toPlainString(), "beta=" + beta.toPlainString());

        // An agreement without usage: its month is rated with no lines and nothing is charged.
        var idleMonth = rated(idle, GLOBEX).at("/1");
        assertThat(idleMonth.at("/ratedAt").isNull()).isFalse();
        assertThat(idleMonth.at("/lines")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM invoicing.charge WHERE agreement_id = ?")
                        .param(idle)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** Moves the clock out of the last half day of a month, so each test's usage falls in one month. */
    private void awayFromMonthEnd() {
        var now = now();
        if (Duration.between(now, monthEnd(now)).compareTo(Duration.ofHours(12)) < 0) {
            advanceTo(monthEnd(now).plus(Duration.ofHours(1)));
        }
    }

    private static Instant monthEnd(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC))
                .plusMonths(1)
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    private Instant now() {
        return Instant.parse(
                api.get("/api/v1/simulation/clock", OPERATOR).json().at("/now").asString());
    }

    private Instant advance(Duration by) {
        var moved = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"by\":\"" + by + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        return now();
    }

    private void advanceTo(Instant to) {
        var moved = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"to\":\"" + to + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private JsonNode rated(String agreement, String reader) {
        var reply = api.get(ratedPath(agreement), reader);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static String ratedPath(String agreement) {
        return "/api/v1/metering/agreements/" + agreement + "/rated-usage";
    }

    /** The period's line of the dimension "requests" with exactly these tags. */
    private static JsonNode line(JsonNode period, Map<String, String> tags) {
        for (var line : period.at("/lines")) {
            var lineTags = new java.util.HashMap<String, String>();
            line.at("/allocationTags")
                    .properties()
                    .forEach(e -> lineTags.put(e.getKey(), e.getValue().asString()));
            if (line.at("/dimension").asString().equals("requests") && lineTags.equals(tags)) {
                return line;
            }
        }
        throw new AssertionError("No line with tags " + tags + " in " + period);
    }

    private String buy(String offerId) {
        var bought = fixtures.buy(offerId);
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        return bought.json().at("/agreementId").asString();
    }

    private String productOf(String agreement) {
        return api.get("/api/v1/agreements/" + agreement, GLOBEX)
                .json()
                .at("/productId")
                .asString();
    }

    /** A SaaS product sold by contract (seats) and by usage (requests). */
    private String meteredProduct() {
        var created = api.post("/api/v1/products", AUTHOR, """
                {"type":"SAAS","title":"%s","shortDescription":"Analytics metered by request",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"},
                               {"key":"requests","name":"Requests","unit":"Requests","type":"METERED"}],
                 "fulfillmentUrl":"https://acme.example/signup",
                 "publicOffer":{"pricingModels":["CONTRACT","USAGE"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"1200","currency":"USD"},
                             {"model":"USAGE","dimensionKey":"requests","amount":"0.01","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Rated product")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    /** A pay-as-you-go private offer to Globex with one unit price for requests. */
    private String usageOffer(String product, String unitPrice) {
        var o = "$O.Entity.Identifier";
        return fixtures.released(List.of(
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
                        "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"" + GLOBEX_ACCOUNT + "\"]}}"),
                change("UpdatePricingTerms", o, null, """
                        {"PricingModel":"Usage","Terms":[{"Type":"UsageBasedPricingTerm","CurrencyCode":"USD",\
                        "RateCards":[{"RateCard":[{"DimensionKey":"requests","Price":"%s"}]}]}]}""".formatted(unitPrice)),
                change(
                        "UpdateLegalTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":[{\"Type\":\"StandardEula\",\"Version\":\"1.0\"}]}]}"),
                change(
                        "UpdateAvailability",
                        o,
                        null,
                        "{\"AvailabilityEndDate\":\""
                                + fixtures.offers().today().plusDays(5) + "\"}"),
                change("ReleaseOffer", o, null, "{}")));
    }

    private Reply batch(String product, String... records) {
        var reply = api.post(
                BATCH,
                AUTHOR,
                "{\"productCode\":\"%s\",\"usageRecords\":[%s]}".formatted(product, String.join(",", records)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain("DuplicateRecord", "CustomerNotSubscribed");
        return reply;
    }

    private static String record(Instant timestamp, long quantity, String more) {
        return "{\"timestamp\":\"%s\",\"dimension\":\"requests\",\"customerAwsAccountId\":\"%s\",\"quantity\":%d%s}"
                .formatted(timestamp.truncatedTo(ChronoUnit.SECONDS), GLOBEX_ACCOUNT, quantity, more);
    }
}
