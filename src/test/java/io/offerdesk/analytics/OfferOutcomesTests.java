package io.offerdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.support.CsvRecords;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.joda.money.Money;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The offer analytics end to end, with time travel: a fresh seller releases six private offers to a buyer of the
 * test's own (four in installments, one up front under a custom EULA, one resold by a channel partner) and keeps a
 * seventh as a draft; the buyer opens some, accepts three after two and four days, and lets two expire. Every number
 * of the reports is computed in the test from what it did: the funnel, win rates and days to accept per dimension, the
 * strategy library, the booked value, the renewal calendar; billed, collected and disbursed are the reconciliation
 * report's. The CSVs hold what the JSON holds; another seller sees none of it, the partner only its CPPO.
 */
// Moves the shared simulated clock forward six days: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 48)
@EndToEndTest
class OfferOutcomesTests {

    static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theReportsMatchWhatTheTestsOwnOffersDidAsTheClockMoves() {
        var fixtures = new OutcomeFixtures(api);
        var collections = new CollectionFixtures(api, jdbc);
        var seller = fixtures.seller();
        var buyer = collections.buyer();
        var account = buyer.accountId();
        var eula = fixtures.customEula(seller);
        var month = YearMonth.from(collections.now().atZone(ZoneOffset.UTC));
        // The buyer's spend commitment, from today: what it is billed for the seller's products counts toward it.
        var commitment = api.post("/api/v1/buyer/commitments", buyer.admin(), """
                {"name":"Outcomes EDP","startDate":"%s","yearlyCommitments":["100000.00"]}""".formatted(fixtures.today()));
        assertThat(commitment.status()).as(commitment.body()).isEqualTo(201);
        var range = "from=" + month + "&to=" + month.plusMonths(1);
        // The seller's deal strategy: deals up to USD 2,000.00 are mid-market, the rest enterprise. The partner (whose
        // CPPO is positioned by its own strategy, which it has none of) places nothing.
        var strategy = api.put("/api/v1/deal-strategy", seller.admin(), """
                {"rules":[
                  {"name":"Mid-market","route":"PRIVATE_OFFER","valueCurrency":"USD","valueMax":"2000.00"},
                  {"name":"Enterprise","route":"PRIVATE_OFFER"}]}""");
        assertThat(strategy.status()).as(strategy.body()).isEqualTo(200);

        // Released today, expiring at the end of the fifth day from now; the CPPO on the tenth.
        var a = release(fixtures, seller, account, List.of("500.00", "500.00"), "");
        var b = release(fixtures, seller, account, List.of("750.00", "750.00"), "");
        var c = release(fixtures, seller, account, List.of("200.00", "200.00"), "");
        var d = release(fixtures, seller, account, List.of("200.00", "200.00"), "");
        // Paid up front: one charge, tomorrow, so invoiced when accepted the day after.
        var e = fixtures.run(
                seller.author(),
                fixtures.offer(fixtures.product(seller), account, 5, List.of("3000.00"), 1, eula, true));
        var f = fixtures.resoldOffer(seller, fixtures.product(seller), account, 10);
        var g = fixtures.run(
                seller.author(),
                fixtures.offer(fixtures.product(seller), account, 5, List.of("100.00", "100.00"), 10, "", false));
        fixtures.view(buyer.procurement(), a);
        fixtures.view(buyer.procurement(), c);
        fixtures.view(buyer.procurement(), f);

        var start = collections.now();
        collections.advanceTo(start.plus(Duration.ofDays(2)));
        var agreementA = collections.buy(buyer, a);
        var agreementE = collections.buy(buyer, e);
        collections.advanceTo(start.plus(Duration.ofDays(4)));
        var agreementB = collections.buy(buyer, b);
        // Past the SPOs' expiry (the end of the fifth day): c and d were never accepted.
        collections.advanceTo(fixtures.today()
                .plusDays(6)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plusSeconds(3600));

        var report = fixtures.awaitOutcomes(
                seller.admin(),
                range,
                r -> r.at("/funnel/accepted").asInt() == 3
                        && r.at("/funnel/expired").asInt() == 2
                        && r.at("/funnel/viewed").asInt() == 5
                        && r.at("/offers").size() == 7
                        && StreamSupport.stream(r.at("/offers").spliterator(), false)
                                .allMatch(o -> o.at("/releasedAt").isNull()
                                        || (o.at("/path").isString()
                                                && !o.at("/discountPercent").isNull())));

        // The funnel: seven drafted (the CPPO too, as the seller's product), six released, five seen (a, c and f
        // opened, b and e accepted, which shows them), three accepted, two expired unaccepted.
        assertThat(report.at("/funnel").toString())
                .isEqualTo("{\"drafted\":7,\"released\":6,\"viewed\":5,\"accepted\":3,\"expired\":2}");
        var offers = byId(report.at("/offers"));
        assertThat(offers.keySet()).containsExactlyInAnyOrder(a, b, c, d, e, f, g);
        assertThat(one(offers, f).at("/resold").asBoolean()).isTrue();
        assertThat(one(offers, f).at("/path").asString()).isEqualTo("CPPO");
        assertThat(one(offers, a).at("/resold").asBoolean()).isFalse();
        assertThat(one(offers, e).at("/eulaType").asString()).isEqualTo("CUSTOM");
        assertThat(one(offers, e).at("/paymentSchedule").asString()).isEqualTo("UPFRONT");
        assertThat(one(offers, g).at("/releasedAt").isNull()).isTrue();

        // Days to accept from the offers' own release and the agreements' own acceptance times.
        var daysA = days(released(seller, a), accepted(seller, agreementA));
        var daysB = days(released(seller, b), accepted(seller, agreementB));
        var daysE = days(released(seller, e), accepted(seller, agreementE));

        // By path: the five SPOs won three and lost two; the CPPO is still open.
        var spo = stats(report, "PATH", "SPO");
        assertCounts(spo, 5, 3, 2, 0);
        assertThat(spo.at("/winRate").asString()).isEqualTo(rate(3, 5));
        assertThat(spo.at("/acceptanceRate").asString()).isEqualTo(rate(3, 5));
        assertThat(spo.at("/medianDaysToAccept").asString()).isEqualTo(median(daysA, daysB, daysE));
        assertThat(spo.at("/meanDaysToAccept").asString()).isEqualTo(mean(daysA, daysB, daysE));
        var cppo = stats(report, "PATH", "CPPO");
        assertCounts(cppo, 1, 0, 0, 1);
        assertThat(cppo.at("/winRate").isNull()).isTrue();
        assertThat(cppo.at("/medianDaysToAccept").isNull()).isTrue();

        // By payment schedule: installments are a, b, c, d and the CPPO (its wholesale schedule); e is up front.
        var installments = stats(report, "PAYMENT_SCHEDULE", "INSTALLMENTS");
        assertCounts(installments, 5, 2, 2, 1);
        assertThat(installments.at("/winRate").asString()).isEqualTo(rate(2, 4));
        assertThat(installments.at("/medianDaysToAccept").asString()).isEqualTo(median(daysA, daysB));
        var upfront = stats(report, "PAYMENT_SCHEDULE", "UPFRONT");
        assertCounts(upfront, 1, 1, 0, 0);
        assertThat(upfront.at("/winRate").asString()).isEqualTo(rate(1, 1));
        assertThat(upfront.at("/medianDaysToAccept").asString()).isEqualTo(median(daysE));

        // By EULA type: e alone is custom.
        assertCounts(stats(report, "EULA_TYPE", "CUSTOM"), 1, 1, 0, 0);
        assertCounts(stats(report, "EULA_TYPE", "STANDARD"), 5, 2, 2, 1);

        // By segment, as the seller's strategy placed them at release: a, b, c and d (up to USD 1,500.00) are
        // mid-market, e (USD 3,000.00) enterprise; the partner's CPPO has no segment.
        assertCounts(stats(report, "SEGMENT", "Mid-market"), 4, 2, 2, 0);
        assertCounts(stats(report, "SEGMENT", "Enterprise"), 1, 1, 0, 0);
        assertCounts(stats(report, "SEGMENT", ""), 1, 0, 0, 1);
        assertThat(stats(report, "SEGMENT", "Mid-market")
                        .at("/medianDaysToAccept")
                        .asString())
                .isEqualTo(median(daysA, daysB));
        // By discount: against the list value of ten analysts (USD 12,000.00) every offer is more than 30 % off:
        // 1,000.00, 1,500.00, 400.00, 400.00 and 3,000.00 for the SPOs, at most the wholesale 1,500.00 plus markup.
        assertThat(report.at("/byDimension/DISCOUNT_BAND")).singleElement().satisfies(s -> {
            assertThat(s.at("/key").asString()).isEqualTo("OVER_30");
            assertCounts(s, 6, 3, 2, 1);
        });

        // The strategy library: only the pattern of a, b, c and d (mid-market, more than 30 % off, installments,
        // standard EULA, SPO) reaches the minimum sample of three.
        assertThat(report.at("/strategyLibraryMinSample").asInt()).isEqualTo(3);
        assertThat(report.at("/strategyLibrary")).singleElement().satisfies(p -> {
            assertThat(p.at("/paymentSchedule").asString()).isEqualTo("INSTALLMENTS");
            assertThat(p.at("/eulaType").asString()).isEqualTo("STANDARD");
            assertThat(p.at("/path").asString()).isEqualTo("SPO");
            assertThat(p.at("/segment").asString()).isEqualTo("Mid-market");
            assertThat(p.at("/discountBand").asString()).isEqualTo("OVER_30");
            assertCounts(p.at("/stats"), 4, 2, 2, 0);
            assertThat(p.at("/stats/winRate").asString()).isEqualTo(rate(2, 4));
        });

        // Booked: what the three accepted offers priced, 1,000.00 + 1,500.00 + 3,000.00; billed, collected and
        // disbursed are the reconciliation report's own figures for the same months.
        var money = api.get("/api/v1/analytics/money?" + range, seller.finance());
        assertThat(money.status()).as(money.body()).isEqualTo(200);
        var usd = money.json().at("/currencies/0");
        assertThat(usd.at("/currencyCode").asString()).isEqualTo("USD");
        assertThat(usd.at("/total/booked").asString()).isEqualTo("5500.00");
        var booked = Money.parse("USD 0");
        for (var row : usd.at("/rows")) {
            booked = booked.plus(Money.parse("USD " + row.at("/booked").asString()));
        }
        assertThat(booked.getAmount().toPlainString()).isEqualTo("5500.00");
        var reconciliation = api.get("/api/v1/reports/reconciliation?groupBy=MONTH&" + range, seller.finance());
        assertThat(reconciliation.status()).as(reconciliation.body()).isEqualTo(200);
        var figures = reconciliation.json().at("/currencies/0/total");
        assertThat(usd.at("/total/billed").asString())
                .isEqualTo(figures.at("/billed").asString());
        assertThat(usd.at("/total/collected").asString())
                .isEqualTo(figures.at("/collected").asString());
        assertThat(usd.at("/total/disbursed").asString())
                .isEqualTo(figures.at("/disbursed").asString());
        // The upfront offer was invoiced at acceptance: something was billed.
        assertThat(new BigDecimal(usd.at("/total/billed").asString())).isPositive();

        // The renewal calendar: the three twelve-month agreements end within it and nothing renews them.
        var calendar = api.get("/api/v1/analytics/renewal-calendar", seller.admin());
        assertThat(calendar.status()).as(calendar.body()).isEqualTo(200);
        assertThat(calendar.json().at("/months")).hasSize(13);
        var ending = new ArrayList<String>();
        calendar.json()
                .at("/months")
                .forEach(m -> m.at("/agreements").forEach(x -> {
                    ending.add(x.at("/agreementId").asString());
                    assertThat(x.at("/renewalState").asString()).isEqualTo("NONE");
                }));
        assertThat(ending).containsExactlyInAnyOrder(agreementA, agreementB, agreementE);

        // EDP contribution: only the upfront offer was invoiced yet (the installments start on the tenth day), and all
        // of it counted toward the buyer's commitment.
        var edp = awaitEdp(seller.finance(), range, "3000.00");
        assertThat(edp).singleElement().satisfies(contribution -> {
            assertThat(contribution.at("/currencyCode").asString()).isEqualTo("USD");
            assertThat(contribution.at("/billed").asString()).isEqualTo("3000.00");
            assertThat(contribution.at("/counted").asString()).isEqualTo("3000.00");
        });
        assertThat(csv(seller.finance(), "edp-contribution", range))
                .singleElement()
                .satisfies(r -> assertThat(r.get("counted")).isEqualTo("3000.00"));

        // The CSVs hold what the JSON holds.
        var funnelCsv = csv(seller.admin(), "funnel", range);
        assertThat(funnelCsv)
                .containsExactly(
                        Map.of("stage", "drafted", "offers", "7"),
                        Map.of("stage", "released", "offers", "6"),
                        Map.of("stage", "viewed", "offers", "5"),
                        Map.of("stage", "accepted", "offers", "3"),
                        Map.of("stage", "expired", "offers", "2"));
        var outcomesCsv = csv(seller.admin(), "outcomes", range);
        for (var dimension : List.of("DISCOUNT_BAND", "SEGMENT", "PAYMENT_SCHEDULE", "EULA_TYPE", "PATH")) {
            var rows = outcomesCsv.stream()
                    .filter(r -> dimension.equals(r.get("dimension")))
                    .toList();
            assertThat(rows).hasSize(report.at("/byDimension/" + dimension).size());
            for (var json : report.at("/byDimension/" + dimension)) {
                var row = rows.stream()
                        .filter(r -> json.at("/key").asString().equals(r.get("key")))
                        .findFirst()
                        .orElseThrow();
                assertThat(row.get("released")).isEqualTo(json.at("/released").asString());
                assertThat(row.get("accepted")).isEqualTo(json.at("/accepted").asString());
                assertThat(row.get("lost")).isEqualTo(json.at("/lost").asString());
                assertThat(row.get("win_rate")).isEqualTo(text(json.at("/winRate")));
                assertThat(row.get("median_days_to_accept")).isEqualTo(text(json.at("/medianDaysToAccept")));
                assertThat(row.get("mean_days_to_accept")).isEqualTo(text(json.at("/meanDaysToAccept")));
            }
        }
        assertThat(csv(seller.admin(), "offers", range))
                .extracting(r -> r.get("offer_id"))
                .containsExactlyInAnyOrder(a, b, c, d, e, f, g);
        assertThat(csv(seller.admin(), "strategy-library", range))
                .singleElement()
                .satisfies(r -> assertThat(r.get("released")).isEqualTo("4"));
        var moneyCsv = csv(seller.finance(), "money", range);
        assertThat(moneyCsv.getLast().get("month")).isEqualTo("TOTAL");
        assertThat(moneyCsv.getLast().get("booked")).isEqualTo("5500.00");
        assertThat(csv(seller.admin(), "renewal-calendar", "")).hasSize(3);
        assertThat(api.get("/api/v1/analytics/nothing.csv", seller.admin()).status())
                .isEqualTo(404);

        // The partner sees its CPPO (its own offer), none of the seller's own offers.
        var partner = fixtures.outcomes(OutcomeFixtures.PARTNER, range);
        var partnerOffers = byId(partner.at("/offers"));
        assertThat(partnerOffers).containsKey(f).doesNotContainKeys(a, b, c, d, e, g);
        assertThat(one(partnerOffers, f).at("/resold").asBoolean()).isFalse();
        // Another seller sees none of it; a buyer and the operator are refused.
        var other = fixtures.seller();
        var nothing = fixtures.outcomes(other.admin(), range);
        assertThat(nothing.at("/funnel").toString())
                .isEqualTo("{\"drafted\":0,\"released\":0,\"viewed\":0,\"accepted\":0,\"expired\":0}");
        assertThat(nothing.at("/offers")).isEmpty();
        assertThat(api.get("/api/v1/analytics/money?" + range, other.admin())
                        .json()
                        .at("/currencies"))
                .isEmpty();
        assertThat(api.get("/api/v1/analytics/renewal-calendar", other.admin())
                        .json()
                        .at("/months"))
                .allSatisfy(m -> assertThat(m.at("/agreements")).isEmpty());
        assertThat(api.get("/api/v1/analytics/outcomes", buyer.procurement()).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/analytics/outcomes", OutcomeFixtures.OPERATOR)
                        .status())
                .isEqualTo(403);
        // A range the other reports refuse is refused here too, naming the field.
        var backwards =
                api.get("/api/v1/analytics/outcomes?from=" + month + "&to=" + month.minusMonths(1), seller.admin());
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.body()).contains("\"to\"");
        assertThat(api.get("/v3/api-docs", null).body())
                .contains(
                        "/api/v1/analytics/outcomes",
                        "/api/v1/analytics/money",
                        "/api/v1/analytics/edp-contribution",
                        "/api/v1/analytics/renewal-calendar",
                        "/api/v1/analytics/{report}.csv");
    }

    /** Polls the EDP contribution until its counted total is what the test expects (commitments record spend after the invoice). */
    private List<JsonNode> awaitEdp(String email, String range, String counted) {
        var months = new ArrayList<JsonNode>();
        for (int i = 0; i < 400; i++) {
            var reply = api.get("/api/v1/analytics/edp-contribution?" + range, email);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            months.clear();
            reply.json().forEach(months::add);
            var total = months.stream()
                    .map(m -> new BigDecimal(m.at("/counted").asString()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(new BigDecimal(counted)) == 0) {
                return months;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the EDP contribution never counted " + counted + ": " + months);
    }

    private String release(
            OutcomeFixtures fixtures,
            OutcomeFixtures.Seller seller,
            String account,
            List<String> installments,
            String eula) {
        return fixtures.run(
                seller.author(), fixtures.offer(fixtures.product(seller), account, 5, installments, 10, eula, true));
    }

    private Instant released(OutcomeFixtures.Seller seller, String offerId) {
        var offer = api.get("/api/v1/offers/" + offerId, seller.author());
        assertThat(offer.status()).as(offer.body()).isEqualTo(200);
        return Instant.parse(offer.json().at("/offer/releasedAt").asString());
    }

    private Instant accepted(OutcomeFixtures.Seller seller, String agreementId) {
        var agreement = api.get("/api/v1/agreements/" + agreementId, seller.admin());
        assertThat(agreement.status()).as(agreement.body()).isEqualTo(200);
        return Instant.parse(agreement.json().at("/acceptanceTime").asString());
    }

    private static long days(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }

    /** The middle of an odd count, the mean of the two middle ones of an even count, in days to the hundredth. */
    private static String median(long... seconds) {
        var sorted = java.util.Arrays.stream(seconds).sorted().toArray();
        var n = sorted.length;
        var middle = n % 2 == 1
                ? BigDecimal.valueOf(sorted[n / 2])
                : BigDecimal.valueOf(sorted[n / 2 - 1] + sorted[n / 2]).divide(BigDecimal.TWO);
        return middle.divide(SECONDS_PER_DAY, 2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String mean(long... seconds) {
        var total = java.util.Arrays.stream(seconds).sum();
        return BigDecimal.valueOf(total)
                .divide(SECONDS_PER_DAY.multiply(BigDecimal.valueOf(seconds.length)), 2, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    private static String rate(int part, int whole) {
        return BigDecimal.valueOf(part)
                .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    private static JsonNode stats(JsonNode report, String dimension, String key) {
        for (var stats : report.at("/byDimension/" + dimension)) {
            if (stats.at("/key").asString().equals(key)) {
                return stats;
            }
        }
        throw new AssertionError("no " + dimension + " " + key + " in " + report.at("/byDimension"));
    }

    private static void assertCounts(JsonNode stats, int released, int accepted, int lost, int open) {
        assertThat(List.of(
                        stats.at("/released").asInt(),
                        stats.at("/accepted").asInt(),
                        stats.at("/lost").asInt(),
                        stats.at("/open").asInt()))
                .as(stats.toString())
                .containsExactly(released, accepted, lost, open);
    }

    private static Map<String, JsonNode> byId(JsonNode offers) {
        var byId = new java.util.HashMap<String, JsonNode>();
        offers.forEach(o -> byId.put(o.at("/offerId").asString(), o));
        return byId;
    }

    private static JsonNode one(Map<String, JsonNode> offers, String id) {
        return java.util.Objects.requireNonNull(offers.get(id), () -> "no offer " + id + " in " + offers.keySet());
    }

    private static String text(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "" : value.asString();
    }

    private List<Map<String, String>> csv(String email, String report, String range) {
        var csv = api.get("/api/v1/analytics/" + report + ".csv" + (range.isEmpty() ? "" : "?" + range), email);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        return CsvRecords.rows(csv.body());
    }
}
