package io.offerdesk.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.commitments.CommitmentFixtures.Installment;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance test of issue #8's spend commitments: a buyer organization of the test's own commits $1,000,000 a
 * year for two years (marketplace share 25%: $250,000 a year may count) and holds two contracts: a SaaS contract whose
 * installments bill more than the cap in the first year, and a professional-services contract, which is excluded.
 * Before anything is invoiced the forecast places every installment in its commitment year, to the cent; the clock
 * then moves past the first year's installments, and the drawdown counts the SaaS spend up to the cap and none of the
 * services. Every expected figure is computed here from the test's own schedules.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 30)
@EndToEndTest
class CommitmentYearTests {

    static final BigDecimal CAP = new BigDecimal("250000.00");

    @Autowired
    TestApi api;

    @Test
    void eligibleSpendDrawsDownUpToTheShareExcludedTypesDoNotCountAndTheForecastMatchesTheSchedules() {
        var fixtures = new CommitmentFixtures(api);
        var seller = fixtures.onboard("SELLER", "isv");
        var buyer = fixtures.onboard("BUYER", "buyer");
        var procurement = fixtures.invite(buyer, "procurement", "PROCUREMENT");
        var finance = fixtures.invite(buyer, "finance", "FINANCE");
        var today = fixtures.today();
        var yearTwo = today.plusYears(1);

        // The SaaS contract: four installments in the first commitment year (together above the $250,000 cap), two
        // in the second. The services contract: one installment in each year.
        var saasYearOne = List.of(
                new Installment(today.plusDays(10), "90000.33"),
                new Installment(today.plusDays(40), "90000.33"),
                new Installment(today.plusDays(70), "90000.34"),
                new Installment(today.plusDays(100), "90000.00"));
        var saasYearTwo = List.of(
                new Installment(yearTwo.plusDays(10), "70000.01"), new Installment(yearTwo.plusDays(40), "29999.99"));
        var servicesYearOne = List.of(new Installment(today.plusDays(20), "40000.00"));
        var servicesYearTwo = List.of(new Installment(yearTwo.plusDays(20), "15000.50"));

        var commitment = fixtures.commitment(finance, today, "1000000.00", "1000000.00");
        var id = commitment.at("/id").asString();
        assertThat(commitment.at("/totalCommitment").asString()).isEqualTo("2000000.00");
        assertThat(commitment.at("/shareCapPercent").asString()).isEqualTo("25.00");
        assertThat(commitment.at("/excludedProductTypes").get(0).asString()).isEqualTo("PROFESSIONAL_SERVICES");
        assertThat(commitment.at("/years/0/cap").asString()).isEqualTo("250000.00");
        assertThat(commitment.at("/years/1/start").asString()).isEqualTo(yearTwo.toString());

        var saas = fixtures.accept(
                procurement,
                buyer,
                fixtures.offer(seller, buyer, fixtures.product(seller, "SAAS"), concat(saasYearOne, saasYearTwo)));
        var services = fixtures.accept(
                procurement,
                buyer,
                fixtures.offer(
                        seller,
                        buyer,
                        fixtures.product(seller, "PROFESSIONAL_SERVICES"),
                        concat(servicesYearOne, servicesYearTwo)));

        // The forecast: every installment in the year of its date, the services ones not counting.
        var forecast = forecast(finance, id);
        assertThat(charges(forecast, saas, 1, true)).isEqualTo(saasYearOne);
        assertThat(charges(forecast, saas, 2, true)).isEqualTo(saasYearTwo);
        assertThat(charges(forecast, services, 1, false)).isEqualTo(servicesYearOne);
        assertThat(charges(forecast, services, 2, false)).isEqualTo(servicesYearTwo);
        var sumSaasOne = CommitmentFixtures.sum(saasYearOne);
        var sumSaasTwo = CommitmentFixtures.sum(saasYearTwo);
        assertThat(sumSaasOne).isEqualByComparingTo("360001.00");
        assertThat(amount(forecast.at("/years/0/scheduledEligible"))).isEqualTo(sumSaasOne);
        assertThat(amount(forecast.at("/years/0/scheduledExcluded")))
                .isEqualTo(CommitmentFixtures.sum(servicesYearOne));
        assertThat(amount(forecast.at("/years/0/projectedCounted"))).isEqualTo(CAP);
        assertThat(amount(forecast.at("/years/0/projectedHeadroom"))).isEqualByComparingTo("0.00");
        assertThat(amount(forecast.at("/years/1/scheduledEligible"))).isEqualTo(sumSaasTwo);
        assertThat(amount(forecast.at("/years/1/scheduledExcluded")))
                .isEqualTo(CommitmentFixtures.sum(servicesYearTwo));
        assertThat(amount(forecast.at("/years/1/projectedCounted"))).isEqualTo(sumSaasTwo);
        assertThat(amount(forecast.at("/years/1/projectedHeadroom"))).isEqualTo(CAP.subtract(sumSaasTwo));

        // Another organization buys through a channel partner (CPPO): its invoice, from the partner, counts like a
        // direct one.
        var partner = fixtures.onboard("CHANNEL_PARTNER", "partner");
        var resoldTo = fixtures.onboard("BUYER", "cppo");
        var resoldProcurement = fixtures.invite(resoldTo, "procurement", "PROCUREMENT");
        var resoldCommitment = fixtures.commitment(resoldTo.admin(), today, "100000.00")
                .at("/id")
                .asString();
        fixtures.accept(
                resoldProcurement,
                resoldTo,
                fixtures.cppo(
                        seller,
                        partner,
                        resoldTo,
                        fixtures.product(seller, "SAAS"),
                        today.plusDays(10),
                        "4000.00",
                        "5000.00"));

        // The first year's installments are invoiced on their dates.
        fixtures.advanceTo(today.plusDays(100), 1);
        spendOnceRecorded(resoldTo.admin(), resoldCommitment, 1);
        var resold = api.get("/api/v1/buyer/commitments/" + resoldCommitment, resoldTo.admin())
                .json();
        assertThat(resold.at("/years/0/counted").asString())
                .as("the buyer's price, not the wholesale")
                .isEqualTo("5000.00");

        var spend = spendOnceRecorded(finance, id, saasYearOne.size() + servicesYearOne.size());
        assertThat(spend).hasSize(5);

        var progress = api.get("/api/v1/buyer/commitments/" + id, finance).json();
        var first = progress.at("/years/0");
        assertThat(amount(first.at("/eligible"))).isEqualTo(sumSaasOne);
        assertThat(amount(first.at("/excluded"))).isEqualTo(CommitmentFixtures.sum(servicesYearOne));
        assertThat(amount(first.at("/counted"))).as("capped at the share").isEqualTo(CAP);
        assertThat(amount(first.at("/headroom"))).isEqualByComparingTo("0.00");
        assertThat(first.at("/percentOfCap").asInt()).isEqualTo(100);
        assertThat(amount(progress.at("/years/1/counted"))).isEqualByComparingTo("0.00");
        var reached = new ArrayList<String>();
        progress.at("/milestonesReached")
                .forEach(m -> reached.add(
                        m.at("/year").asInt() + ":" + m.at("/percent").asInt()));
        assertThat(reached).containsExactlyInAnyOrder("1:50", "1:75", "1:100");
        var audit = api.get("/api/v1/audit/entries?entityType=commitment&entityId=" + id, CommitmentFixtures.OPERATOR);
        assertThat(audit.json().findValuesAsString("action"))
                .contains("CommitmentRecorded", "CommitmentMilestoneReached");

        // What is left to invoice is the second year's, still matching the schedules to the cent.
        var later = forecast(finance, id);
        assertThat(charges(later, saas, 1, true)).isEmpty();
        assertThat(charges(later, saas, 2, true)).isEqualTo(saasYearTwo);
        assertThat(charges(later, services, 2, false)).isEqualTo(servicesYearTwo);
        assertThat(amount(later.at("/years/0/scheduledEligible"))).isEqualByComparingTo("0.00");
        assertThat(amount(later.at("/years/0/projectedCounted"))).isEqualTo(CAP);
        assertThat(amount(later.at("/years/1/projectedCounted"))).isEqualTo(sumSaasTwo);

        // The seller refunds two SaaS invoices in part: the credit memos lower the eligible spend by their date; the
        // first leaves it above the cap, the second brings it below.
        var sellerFinance = fixtures.invite(seller, "finance", "FINANCE");
        var invoices = new ArrayList<String>();
        spend.forEach(line -> {
            if (line.at("/agreementId").asString().equals(saas)) {
                invoices.add(line.at("/invoiceId").asString());
            }
        });
        refund(sellerFinance, saas, invoices.get(0), "90000.00");
        refund(sellerFinance, saas, invoices.get(1), "30000.00");
        spendOnceRecorded(finance, id, 7);
        var refunded =
                api.get("/api/v1/buyer/commitments/" + id, finance).json().at("/years/0");
        var eligibleAfter = sumSaasOne.subtract(new BigDecimal("120000.00"));
        assertThat(eligibleAfter).isEqualByComparingTo("240001.00");
        assertThat(amount(refunded.at("/eligible"))).isEqualTo(eligibleAfter);
        assertThat(amount(refunded.at("/counted"))).isEqualTo(eligibleAfter);
        assertThat(amount(refunded.at("/headroom"))).isEqualTo(CAP.subtract(eligibleAfter));
    }

    private void refund(String sellerFinance, String agreementId, String invoiceId, String amount) {
        var requested = api.post("/api/v1/billing-adjustment-requests", sellerFinance, """
                {"billingAdjustmentRequestEntries":[{"agreementId":"%s","originalInvoiceId":"%s",
                 "adjustmentAmount":"%s","currencyCode":"USD","adjustmentReasonCode":"BUYER_DISSATISFACTION",
                 "clientToken":"t-%s","description":"Commitment test refund"}]}""".formatted(
                        agreementId, invoiceId, amount, java.util.UUID.randomUUID()));
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(requested.json().at("/errors")).as(requested.body()).isEmpty();
    }

    private JsonNode forecast(String email, String id) {
        var forecast = api.get("/api/v1/buyer/commitments/" + id + "/forecast", email);
        assertThat(forecast.status()).as(forecast.body()).isEqualTo(200);
        return forecast.json();
    }

    /** The forecast's charges of the agreement in the year, checking each counts (or not) as expected. */
    private static List<Installment> charges(JsonNode forecast, String agreementId, int year, boolean counts) {
        var found = new ArrayList<Installment>();
        for (var charge : forecast.at("/charges")) {
            if (charge.at("/source").asString().equals(agreementId)
                    && charge.at("/year").asInt() == year) {
                assertThat(charge.at("/counts").asBoolean())
                        .as(charge.toString())
                        .isEqualTo(counts);
                found.add(new Installment(
                        LocalDate.parse(charge.at("/date").asString()),
                        charge.at("/amount").asString()));
            }
        }
        return found;
    }

    /**
     * The commitment's spend lines once the drawdown recorded {@code count} of them: it runs from the event
     * publication registry after the invoicing run committed.
     */
    private JsonNode spendOnceRecorded(String email, String id, int count) {
        JsonNode items = null;
        for (int attempt = 0; attempt < 600; attempt++) {
            var spend = api.get("/api/v1/buyer/commitments/" + id + "/spend", email);
            assertThat(spend.status()).as(spend.body()).isEqualTo(200);
            items = spend.json().at("/items");
            if (items.size() >= count) {
                return items;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the drawdown recorded " + items + ", not " + count + " lines");
    }

    private static BigDecimal amount(JsonNode node) {
        return new BigDecimal(node.asString());
    }

    private static List<Installment> concat(List<Installment> a, List<Installment> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
