package io.offerdesk.disbursement;

import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance test of issue #7: a year of money played through on the simulated clock, driven only through the
 * REST API with API keys, as the parties would. An ISV authorizes a channel partner to resell at a wholesale price of
 * $80,000 in 12 installments; the partner sells it to a buyer for $86,400 in 12 monthly installments. The ISV also
 * sells the buyer a metered SaaS product directly at a usage rate card, and meters the buyer's usage every month. Each
 * month the installment and the last month's usage are invoiced, the buyer pays them and the monthly disbursement run
 * pays the ISV and the partner. What each of them and the marketplace receive is computed here from the rules of the
 * domain reference, to the cent; every disbursement's report must reconcile, and the ledger's invariants are checked
 * after every step. The parties are the test's own, so their payables hold nothing but this test's money.
 */
// Moves the shared simulated clock a year forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 25)
@EndToEndTest
class MoneyYearTests {

    static final String OPERATOR = "operator@offerdesk.example";
    static final String PASSWORD = "money-year-test";
    static final int INSTALLMENTS = 12;
    /** The buyer pays each invoice on this day of its month, and the payees are paid on the next. */
    static final int PAYMENT_DAY = 10;

    static final int DISBURSEMENT_DAY = 15;

    /** A party of the test's own, so that its payables hold nothing but this test's money. */
    record Party(UUID id, String accountId, String admin) {}

    @Autowired
    TestApi api;

    // ---- The expected money, from first principles (reference §3.2, §6.1, §6.4), in cents. ----

    /** The ISV's wholesale contract value, $80,000.00, and the buyer price, $86,400.00. */
    static final long WHOLESALE_TOTAL = 8_000_000;

    static final long BUYER_TOTAL = 8_640_000;

    /**
     * Wholesale installment {@code i} (0-based): $80,000.00 split into 12 equal installments rounded down to the cent,
     * the last taking the remainder (the schedule composer's "split evenly"): 11 × 6,666.66 and 6,666.74.
     */
    static long wholesale(int i) {
        long each = WHOLESALE_TOTAL / INSTALLMENTS;
        return i < INSTALLMENTS - 1 ? each : WHOLESALE_TOTAL - (INSTALLMENTS - 1) * each;
    }

    /** The buyer's installment: $86,400.00 / 12 = $7,200.00 exactly. */
    static long buyerPrice(int i) {
        return BUYER_TOTAL / INSTALLMENTS;
    }

    /**
     * The ISV's listing fee on installment {@code i}: a private offer below $1M total contract value is 3%, and a
     * channel partner private offer adds 0.5%, charged to the ISV on the wholesale price (§6.1), so 3.5% of the
     * wholesale installment, rounded once toward zero per invoice line (ADR 0019).
     */
    static long fee(int i) {
        return wholesale(i) * 35 / 1000;
    }

    /** The ISV is paid the wholesale price less its fee (§3.2). */
    static long isv(int i) {
        return wholesale(i) - fee(i);
    }

    /** The partner is paid the buyer price less the wholesale price, with no fee on it (§3.2). */
    static long partner(int i) {
        return buyerPrice(i) - wholesale(i);
    }

    @Test
    void theExpectedFiguresAreWhatTheRulesSay() {
        // Written out once so a reader can check the arithmetic by hand.
        assertThat(wholesale(0)).isEqualTo(666_666L);
        assertThat(wholesale(11)).isEqualTo(666_674L);
        assertThat(IntStream.range(0, 12).mapToLong(MoneyYearTests::wholesale).sum())
                .isEqualTo(WHOLESALE_TOTAL);
        assertThat(buyerPrice(0)).isEqualTo(720_000L);
        // 3.5% of 6,666.66 is 233.3331 and of 6,666.74 is 233.3359: 233.33 each, 2,799.96 in the year.
        assertThat(fee(0)).isEqualTo(23_333L);
        assertThat(fee(11)).isEqualTo(23_333L);
        assertThat(isv(0)).isEqualTo(643_333L);
        assertThat(isv(11)).isEqualTo(643_341L);
        assertThat(partner(0)).isEqualTo(53_334L);
        assertThat(partner(11)).isEqualTo(53_326L);
        long isvYear = IntStream.range(0, 12).mapToLong(MoneyYearTests::isv).sum();
        long partnerYear =
                IntStream.range(0, 12).mapToLong(MoneyYearTests::partner).sum();
        long feeYear = IntStream.range(0, 12).mapToLong(MoneyYearTests::fee).sum();
        assertThat(isvYear).isEqualTo(7_720_004L);
        assertThat(partnerYear).isEqualTo(640_000L);
        assertThat(feeYear).isEqualTo(279_996L);
        assertThat(isvYear + partnerYear + feeYear).isEqualTo(BUYER_TOTAL);
    }

    // ---- The direct SaaS usage agreement: its rate card and each month's metered usage. ----

    /** Requests at 1.25 cents: every month's amount ends in half a cent, which half-even rounds to the even cent. */
    static final String REQUEST_PRICE = "0.0125";

    /** Gigabytes at a unit price with the eight decimals a usage price may have. */
    static final String GIGABYTE_PRICE = "0.12345678";

    static long requests(int month) {
        return 123_458 + 10_000L * month;
    }

    /** The buyer's web team's share of the month's requests, allocated with a tag; the data team has the rest. */
    static long webRequests(int month) {
        return 2_222 + month;
    }

    static long dataRequests(int month) {
        return requests(month) - webRequests(month);
    }

    static long gigabytes(int month) {
        return 1_000 + 37L * month;
    }

    /**
     * A usage line: the month's quantity times the unit price, rounded once to the cent, half to even (ADR 0021: the
     * domain reference names no rounding, and half-even has no bias in a sum).
     */
    static long usageLine(long quantity, String unitPrice) {
        return new BigDecimal(quantity)
                .multiply(new BigDecimal(unitPrice))
                .setScale(2, RoundingMode.HALF_EVEN)
                .movePointRight(2)
                .longValueExact();
    }

    /** The month's usage lines: one per dimension and allocation tag set (the data team's, the web team's requests). */
    static List<Long> usageLines(int month) {
        return List.of(
                usageLine(dataRequests(month), REQUEST_PRICE),
                usageLine(webRequests(month), REQUEST_PRICE),
                usageLine(gigabytes(month), GIGABYTE_PRICE));
    }

    /** The seller's fee on a direct private offer below $1M: 3% of each line, rounded toward zero (§6.1, ADR 0019). */
    static long directFee(long line) {
        return line * 3 / 100;
    }

    static long usageFee(int month) {
        return usageLines(month).stream().mapToLong(MoneyYearTests::directFee).sum();
    }

    /** The ISV is paid the usage it billed less the fee on each line. */
    static long usageNet(int month) {
        return usageLines(month).stream().mapToLong(l -> l - directFee(l)).sum();
    }

    @Test
    void theExpectedUsageFiguresAreWhatTheRulesSay() {
        // The data team's 121,236 requests × 0.0125 = 1,515.45; the web team's 2,222 × 0.0125 = 27.775, half to even
        // 27.78; 1,000 GB × 0.12345678 = 123.45678, 123.46.
        assertThat(usageLines(0)).containsExactly(151_545L, 2_778L, 12_346L);
        // 3% of 1,515.45 is 45.4635, of 27.78 is 0.8334 and of 123.46 is 3.7038: 45.46, 0.83 and 3.70.
        assertThat(usageFee(0)).isEqualTo(4_546L + 83L + 370L);
        assertThat(usageNet(0)).isEqualTo(161_670L);
        // 231,225 × 0.0125 = 2,890.3125; 2,233 × 0.0125 = 27.9125; 1,407 × 0.12345678 = 173.70368946.
        assertThat(usageLines(11)).containsExactly(289_031L, 2_791L, 17_370L);
        long billed = IntStream.range(0, 12)
                .mapToLong(
                        m -> usageLines(m).stream().mapToLong(Long::longValue).sum())
                .sum();
        long fees = IntStream.range(0, 12).mapToLong(MoneyYearTests::usageFee).sum();
        long net = IntStream.range(0, 12).mapToLong(MoneyYearTests::usageNet).sum();
        assertThat(billed).isEqualTo(2_855_166L);
        assertThat(fees).isEqualTo(85_640L);
        assertThat(net).isEqualTo(2_769_526L);
    }

    @Test
    void aChannelPartnerAgreementAndAUsageAgreementRunForAYearAndEveryoneIsPaidToTheCent() {
        var isv = onboard("SELLER", "isv");
        var partner = onboard("CHANNEL_PARTNER", "partner");
        var buyer = onboard("BUYER", "buyer");
        var procurement = invite(buyer, "procurement", "PROCUREMENT");
        var finance = invite(buyer, "finance", "FINANCE");
        assertInvariantsPass("onboarded");

        // The charge dates: the 5th of each of the next twelve months.
        var today = today();
        var first = today.plusMonths(1).withDayOfMonth(5);
        var dates = IntStream.range(0, INSTALLMENTS).mapToObj(first::plusMonths).toList();

        // The ISV authorizes the partner: $80,000.00 wholesale in 12 installments, for this buyer, single use.
        var product = product(isv);
        var authorization = authorization(isv, partner, buyer, product, today, dates);
        // The partner sells it at $86,400.00 in 12 monthly installments of $7,200.00 on the wholesale dates.
        var offerId = cppo(partner, authorization, today, dates);
        // The buyer accepts.
        var agreementId = accept(procurement, buyer, offerId);
        assertInvariantsPass("CPPO accepted");

        var fees = api.get("/api/v1/listing-fees/agreements/" + agreementId, isv.admin());
        assertThat(fees.status()).as(fees.body()).isEqualTo(200);
        assertThat(fees.json().at("/basis").asString()).isEqualTo("PRIVATE_BELOW_LOWER");
        assertThat(fees.json().at("/ratePercent").asString()).isEqualTo("3.5000");
        assertThat(fees.json().at("/contractValue").asString()).isEqualTo("80000.00");

        // The ISV also sells the buyer its metered SaaS product directly, pay as you go at its rate card.
        var metered = meteredProduct(isv);
        var usageAgreement = accept(procurement, buyer, usageOffer(isv, buyer, metered, today));
        assertInvariantsPass("usage agreement accepted");
        var usageFees = api.get("/api/v1/listing-fees/agreements/" + usageAgreement, isv.admin());
        assertThat(usageFees.status()).as(usageFees.body()).isEqualTo(200);
        assertThat(usageFees.json().at("/ratePercent").asString()).isEqualTo("3.0000");

        // Both payees are paid monthly on the 15th.
        prefer(isv, "{\"frequency\":\"MONTHLY\",\"dayOfMonth\":" + DISBURSEMENT_DAY + "}");
        prefer(partner, "{\"frequency\":\"MONTHLY\",\"dayOfMonth\":" + DISBURSEMENT_DAY + "}");
        assertInvariantsPass("preferences set");

        long isvPaid = 0;
        long partnerPaid = 0;
        long feesEarned = 0;
        long buyerPaid = 0;
        // Twelve installments, and usage metered in the same twelve months; a month's usage is billed on the 1st of
        // the next, so the thirteenth month pays the last month's usage only.
        for (int i = 0; i <= INSTALLMENTS; i++) {
            var month = "month " + (i + 1);
            var date = first.plusMonths(i);
            boolean installment = i < INSTALLMENTS;
            boolean usage = i > 0;

            // Last month's usage is rated once the metering window after the month has passed, and invoiced.
            @Nullable String usageInvoiceId = null;
            if (usage) {
                advanceTo(at(date.withDayOfMonth(1), 7));
                var invoice = invoiceOn(finance, isv, date.withDayOfMonth(1));
                var amounts = new ArrayList<Long>();
                for (var line : invoice.at("/lines")) {
                    assertThat(line.at("/agreementId").asString()).isEqualTo(usageAgreement);
                    amounts.add(cents(line.at("/amount")));
                    // The web team's allocation reaches its own line with its tag.
                    if (line.at("/allocationTags/team").asString("").equals("web")) {
                        assertThat(cents(line.at("/amount"))).isEqualTo(usageLine(webRequests(i - 1), REQUEST_PRICE));
                    }
                }
                assertThat(amounts).as(month + " usage lines").containsExactlyInAnyOrderElementsOf(usageLines(i - 1));
                assertThat(invoice.at("/lines").findValuesAsString("team"))
                        .as(invoice.toString())
                        .containsExactlyInAnyOrder("data", "web");
                assertThat(cents(invoice.at("/invoice/total")))
                        .isEqualTo(usageLines(i - 1).stream()
                                .mapToLong(Long::longValue)
                                .sum());
                usageInvoiceId = invoice.at("/invoice/invoiceId").asString();
                assertInvariantsPass(month + ", usage invoiced");
            }

            // The installment is invoiced at 00:00 UTC on its date.
            @Nullable String invoiceId = null;
            if (installment) {
                advanceTo(at(date, 1));
                var invoice = invoiceOn(finance, partner, date);
                assertThat(cents(invoice.at("/invoice/total"))).as(month).isEqualTo(buyerPrice(i));
                assertThat(invoice.at("/invoice/tax/amount").asString()).isEqualTo("0.00");
                var lines = invoice.at("/lines");
                assertThat(lines).as(month).hasSize(1);
                assertThat(lines.get(0).at("/agreementId").asString()).isEqualTo(agreementId);
                // The buyer never sees the wholesale price; the seller of record does.
                assertThat(lines.get(0).at("/wholesaleAmount").isNull()).isTrue();
                invoiceId = invoice.at("/invoice/invoiceId").asString();
                assertThat(cents(api.get("/api/v1/invoices/" + invoiceId, partner.admin())
                                .json()
                                .at("/lines/0/wholesaleAmount")))
                        .isEqualTo(wholesale(i));
                assertInvariantsPass(month + ", invoiced");
            }

            // Nothing is payable before the buyer pays (§6.4).
            assertThat(payable(isv, "SELLER_PAYABLE")).as(month).isZero();
            assertThat(payable(partner, "PARTNER_PAYABLE")).as(month).isZero();

            // The buyer pays on the 10th; the sixth installment in two parts, which must come to the same cent.
            advanceTo(at(date.withDayOfMonth(PAYMENT_DAY), 12));
            long feesBefore = feeRevenue();
            long expectedFee = 0;
            long expectedIsv = 0;
            long expectedPartner = 0;
            if (invoiceId != null) {
                if (i == 5) {
                    pay(finance, invoiceId, "3000.01", month + " part");
                    assertInvariantsPass(month + ", paid in part");
                    pay(finance, invoiceId, "4199.99", month + " rest");
                } else {
                    pay(finance, invoiceId, dollars(buyerPrice(i)), month);
                }
                assertPaid(finance, invoiceId);
                assertInvariantsPass(month + ", installment paid");
                buyerPaid += buyerPrice(i);
                expectedFee += fee(i);
                expectedIsv += isv(i);
                expectedPartner += partner(i);
            }
            if (usageInvoiceId != null) {
                long billed =
                        usageLines(i - 1).stream().mapToLong(Long::longValue).sum();
                pay(finance, usageInvoiceId, dollars(billed), month + " usage");
                assertPaid(finance, usageInvoiceId);
                assertInvariantsPass(month + ", usage paid");
                buyerPaid += billed;
                expectedFee += usageFee(i - 1);
                expectedIsv += usageNet(i - 1);
            }
            long feeThisMonth = feeRevenue() - feesBefore;
            assertThat(feeThisMonth).as(month + " fee").isEqualTo(expectedFee);
            feesEarned += feeThisMonth;
            assertThat(payable(isv, "SELLER_PAYABLE")).as(month).isEqualTo(expectedIsv);
            assertThat(payable(partner, "PARTNER_PAYABLE")).as(month).isEqualTo(expectedPartner);

            // This month's usage, metered within the window (the hour before), in two batches of the ISV's; the
            // requests allocated to the buyer's data and web teams with a tag.
            if (installment) {
                var hour = at(date.withDayOfMonth(PAYMENT_DAY), 11);
                meter(isv, metered, buyer, "requests", hour, requests(i), """
                        ,"usageAllocations":[\
                        {"allocatedUsageQuantity":%d,"tags":[{"key":"team","value":"data"}]},\
                        {"allocatedUsageQuantity":%d,"tags":[{"key":"team","value":"web"}]}]""".formatted(
                                dataRequests(i), webRequests(i)));
                meter(isv, metered, buyer, "gigabytes", hour.plusSeconds(60), gigabytes(i), "");
                assertInvariantsPass(month + ", usage metered");
            }

            // The payees are paid out on the 15th, each disbursement reconciling with what it covers.
            var payday = date.withDayOfMonth(DISBURSEMENT_DAY);
            advanceTo(at(payday, 1));
            var toIsv = disbursed(isv, i + 1, payday, "SELLER_PAYABLE");
            assertThat(cents(toIsv.at("/amount"))).as(month + " ISV").isEqualTo(expectedIsv);
            assertReconciles(isv, toIsv, invoiceId, usageInvoiceId);
            assertThat(payable(isv, "SELLER_PAYABLE")).as(month).isZero();
            isvPaid += cents(toIsv.at("/amount"));
            if (installment) {
                var toPartner = disbursed(partner, i + 1, payday, "PARTNER_PAYABLE");
                assertThat(cents(toPartner.at("/amount")))
                        .as(month + " partner")
                        .isEqualTo(expectedPartner);
                assertReconciles(partner, toPartner, invoiceId, null);
                partnerPaid += cents(toPartner.at("/amount"));
            }
            assertThat(payable(partner, "PARTNER_PAYABLE")).as(month).isZero();
            assertInvariantsPass(month + ", disbursed");
        }

        // The year: the ISV got the wholesale price less 3.5% and its usage less 3%, the partner its margin, the
        // marketplace the fees; together exactly what the buyer paid.
        assertThat(buyerPaid).isEqualTo(8_640_000L + 2_855_166L);
        assertThat(isvPaid).isEqualTo(7_720_004L + 2_769_526L);
        assertThat(partnerPaid).isEqualTo(640_000L);
        assertThat(feesEarned).isEqualTo(279_996L + 85_640L);
        assertThat(isvPaid + partnerPaid + feesEarned).isEqualTo(buyerPaid);
        assertThat(paidPerMonth(isv, INSTALLMENTS + 1)).isEqualTo(isvPaid);
        assertThat(paidPerMonth(partner, INSTALLMENTS)).isEqualTo(partnerPaid);
        // Nothing is left open or payable.
        for (var date : dates) {
            assertThat(invoiceOn(finance, partner, date).at("/invoice/open").asString())
                    .isEqualTo("0.00");
        }
        assertThat(payable(isv, "SELLER_PAYABLE")).isZero();
        assertThat(payable(partner, "PARTNER_PAYABLE")).isZero();
        assertInvariantsPass("the year");
    }

    // ---- Set-up through the API. ----

    LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    Instant now() {
        return Instant.parse(
                api.get("/api/v1/simulation/clock", OPERATOR).json().at("/now").asString());
    }

    void advanceTo(Instant to) {
        var advanced = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"to\":\"" + to + "\"}");
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
    }

    static Instant at(LocalDate date, int hour) {
        return date.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    /** Onboards a party of the kind with a fresh 12-digit account and an active administrator. */
    Party onboard(String kind, String role) {
        var slug = role + UUID.randomUUID().toString().substring(0, 8);
        var account = "6" + "%011d".formatted(ThreadLocalRandom.current().nextLong(100_000_000_000L));
        var admin = "admin@" + slug + ".example";
        var onboarded = api.post("/api/v1/parties", OPERATOR, """
                {"kind":"%s","name":"Money year %s","accountId":"%s","adminEmail":"%s","adminName":"Ada Admin"}""".formatted(kind, slug, account, admin));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        activate(onboarded.json().at("/adminInvitationToken").asString());
        return new Party(UUID.fromString(onboarded.json().at("/party/id").asString()), account, admin);
    }

    String invite(Party party, String name, String role) {
        var email = name + "@" + party.admin().substring("admin@".length());
        var invited = api.post("/api/v1/users", party.admin(), """
                {"email":"%s","displayName":"%s","roles":[{"role":"%s"}]}""".formatted(email, name, role));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        activate(invited.json().at("/invitationToken").asString());
        return email;
    }

    void activate(String token) {
        var accepted =
                api.post("/api/v1/invitations/" + token + "/accept", null, "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    String product(Party isv) {
        var created =
                api.post("/api/v1/products", isv.admin(), """
                {"type":"SAAS","title":"%s","shortDescription":"Analytics resold for a year",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"}],
                 "fulfillmentUrl":"https://isv.example/signup",
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"90000","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Money year product")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    String meteredProduct(Party isv) {
        var created =
                api.post("/api/v1/products", isv.admin(), """
                {"type":"SAAS","title":"%s","shortDescription":"Metered by request and gigabyte",
                 "dimensions":[{"key":"requests","name":"Requests","unit":"Requests","type":"METERED"},
                               {"key":"gigabytes","name":"Gigabytes","unit":"GB","type":"METERED"}],
                 "fulfillmentUrl":"https://isv.example/signup",
                 "publicOffer":{"pricingModels":["USAGE"],
                   "prices":[{"model":"USAGE","dimensionKey":"requests","amount":"0.02","currency":"USD"},
                             {"model":"USAGE","dimensionKey":"gigabytes","amount":"0.2","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Money year metered")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    /** The ISV's pay-as-you-go private offer of the metered product to the buyer, at the test's rate card. */
    String usageOffer(Party isv, Party buyer, String product, LocalDate today) {
        var o = "$O.Entity.Identifier";
        return released(
                isv.admin(),
                List.of(
                        change("CreateOffer", null, "O", "{\"ProductId\":\"" + product + "\"}"),
                        change(
                                "UpdateInformation",
                                o,
                                null,
                                "{\"Name\":\"" + OfferFixtures.unique("Year usage") + "\",\"Description\":\"Usage\"}"),
                        change(
                                "UpdateTargeting",
                                o,
                                null,
                                "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"" + buyer.accountId() + "\"]}}"),
                        change("UpdatePricingTerms", o, null, """
                        {"PricingModel":"Usage","Terms":[{"Type":"UsageBasedPricingTerm","CurrencyCode":"USD",\
                        "RateCards":[{"RateCard":[{"DimensionKey":"requests","Price":"%s"},\
                        {"DimensionKey":"gigabytes","Price":"%s"}]}]}]}""".formatted(REQUEST_PRICE, GIGABYTE_PRICE)),
                        change(
                                "UpdateLegalTerms",
                                o,
                                null,
                                "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":[{\"Type\":\"StandardEula\",\"Version\":\"1.0\"}]}]}"),
                        change(
                                "UpdateAvailability",
                                o,
                                null,
                                "{\"AvailabilityEndDate\":\"" + today.plusDays(1) + "\"}"),
                        change("ReleaseOffer", o, null, "{}")));
    }

    /** The ISV meters the buyer's usage of one dimension in one batch, as its SaaS application would. */
    void meter(Party isv, String product, Party buyer, String dimension, Instant at, long quantity, String more) {
        var metered = api.post("/api/v1/metering/batch-meter-usage", isv.admin(), """
                {"productCode":"%s","usageRecords":[{"timestamp":"%s","dimension":"%s",\
                "customerAwsAccountId":"%s","quantity":%d%s}]}""".formatted(
                        product, at, dimension, buyer.accountId(), quantity, more));
        assertThat(metered.status()).as(metered.body()).isEqualTo(200);
        assertThat(metered.json().at("/results/0/status").asString())
                .as(metered.body())
                .isEqualTo("Success");
    }

    static String schedule(List<LocalDate> dates, IntFunction<String> amount) {
        return IntStream.range(0, dates.size())
                .mapToObj(
                        i -> "{\"ChargeDate\":\"%s\",\"ChargeAmount\":\"%s\"}".formatted(dates.get(i), amount.apply(i)))
                .collect(Collectors.joining(","));
    }

    static String dollars(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    static long cents(JsonNode amount) {
        return new BigDecimal(amount.asString()).movePointRight(2).longValueExact();
    }

    String authorization(
            Party isv, Party partner, Party buyer, String product, LocalDate today, List<LocalDate> dates) {
        var ra = "$RA.Entity.Identifier";
        return released(
                isv.admin(),
                List.of(
                        authorizationChange("CreateResaleAuthorization", null, "RA", """
                        {"ProductId":"%s","Name":"%s","ResellerAccountId":"%s"}""".formatted(
                                        product, OfferFixtures.unique("Year resale"), partner.accountId())),
                        authorizationChange("UpdateBuyerTargetingTerms", ra, null, """
                        {"Terms":[{"Type":"BuyerTargetingTerm","PositiveTargeting":{"BuyerAccounts":["%s"]}}]}""".formatted(buyer.accountId())),
                        authorizationChange(
                                "UpdateAvailability",
                                ra,
                                null,
                                "{\"AvailabilityEndDate\":\"%s\",\"OffersMaxQuantity\":1}"
                                        .formatted(today.plusDays(2))),
                        authorizationChange("UpdateLegalTerms", ra, null, """
                        {"Terms":[{"Type":"BuyerLegalTerm","Documents":[{"Type":"StandardEula",
                          "Url":"https://isv.example/eula.pdf"}]}]}"""),
                        authorizationChange("UpdatePricingTerms", ra, null, """
                        {"PricingModel":"Contract","Terms":[{"Type":"ResaleFixedUpfrontPricingTerm","CurrencyCode":"USD",
                          "Price":"0.0","Duration":"P14M","Grants":[{"DimensionKey":"analysts","MaxQuantity":10}]}]}"""),
                        authorizationChange(
                                "UpdatePaymentScheduleTerms",
                                ra,
                                null,
                                "{\"Terms\":[{\"Type\":\"ResalePaymentScheduleTerm\",\"CurrencyCode\":\"USD\",\"Schedule\":["
                                        + schedule(dates, i -> dollars(wholesale(i))) + "]}]}"),
                        authorizationChange("ReleaseResaleAuthorization", ra, null, "{}")));
    }

    String cppo(Party partner, String authorization, LocalDate today, List<LocalDate> dates) {
        var offerId = released(
                partner.admin(),
                List.of(change(
                        "CreateOfferUsingResaleAuthorization",
                        null,
                        null,
                        "{\"ResaleAuthorizationId\":\"%s\",\"Name\":\"%s\"}"
                                .formatted(authorization, OfferFixtures.unique("Year CPPO")))));
        released(
                partner.admin(),
                List.of(
                        change(
                                "UpdatePaymentScheduleTerms",
                                offerId,
                                null,
                                "{\"Terms\":[{\"Type\":\"PaymentScheduleTerm\",\"CurrencyCode\":\"USD\",\"Schedule\":["
                                        + schedule(dates, i -> dollars(buyerPrice(i))) + "]}]}"),
                        change(
                                "UpdateAvailability",
                                offerId,
                                null,
                                "{\"AvailabilityEndDate\":\"%s\"}".formatted(today.plusDays(1))),
                        change(
                                "UpdateValidityTerms",
                                offerId,
                                null,
                                "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P14M\"}]}"),
                        change("ReleaseOffer", offerId, null, "{}")));
        return offerId;
    }

    static String authorizationChange(String type, @Nullable String identifier, @Nullable String name, String details) {
        return change(type, identifier, name, details).replace("Offer@1.0", "ResaleAuthorization@1.0");
    }

    /** Runs the changes, expects them to succeed and returns the id of the entity the first one made or changed. */
    String released(String email, List<String> changes) {
        var done = api.finishedChangeSet(email, api.post("/api/v1/change-sets", email, OfferFixtures.set(changes)));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    String accept(String procurement, Party buyer, String offerId) {
        var quote =
                api.post("/api/v1/buyer/agreement-requests", procurement, """
                {"offerId":"%s","accountId":"%s"}""".formatted(offerId, buyer.accountId()));
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var accepted = api.post(
                "/api/v1/buyer/agreement-requests/"
                        + quote.json().at("/agreementRequestId").asString() + "/accept",
                procurement,
                "{\"eulaAcknowledged\":true}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return accepted.json().at("/agreementId").asString();
    }

    void prefer(Party payee, String body) {
        var reply = api.put("/api/v1/disbursement-preferences/USD", payee.admin(), body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    // ---- Reading the money back. ----

    /** The invoice the seller of record issued to the buyer on the date, with its lines. */
    JsonNode invoiceOn(String finance, Party seller, LocalDate date) {
        var list = api.get(
                "/api/v1/invoices?type=INVOICE&issuedFrom=%s&issuedTo=%s&sellerPartyId=%s&limit=100"
                        .formatted(date, date, seller.id()),
                finance);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        var invoices = list.json().at("/invoices");
        assertThat(invoices).as("invoices of " + date).hasSize(1);
        var id = invoices.get(0).at("/invoiceId").asString();
        var invoice = api.get("/api/v1/invoices/" + id, finance);
        assertThat(invoice.status()).as(invoice.body()).isEqualTo(200);
        return invoice.json();
    }

    void pay(String finance, String invoiceId, String amount, String reference) {
        Reply paid = api.post("/api/v1/invoices/" + invoiceId + "/payments", finance, """
                {"amount":"%s","currencyCode":"USD","reference":"%s"}""".formatted(amount, reference));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    }

    /** What the payee's payable account holds (its credits less its debits), read by the payee itself. */
    long payable(Party payee, String role) {
        var accounts = api.get("/api/v1/ledger/accounts?role=%s&currency=USD".formatted(role), payee.admin());
        assertThat(accounts.status()).as(accounts.body()).isEqualTo(200);
        long held = 0;
        for (var account : accounts.json().at("/items")) {
            held -= account.at("/netMinor").asLong();
        }
        return held;
    }

    /** The marketplace's fee revenue (a credit balance), read by the operator. */
    long feeRevenue() {
        var accounts = api.get("/api/v1/ledger/accounts?owner=marketplace&role=FEE_REVENUE&currency=USD", OPERATOR);
        assertThat(accounts.status()).as(accounts.body()).isEqualTo(200);
        // Absent until the marketplace earns its first fee.
        long earned = 0;
        for (var account : accounts.json().at("/items")) {
            earned -= account.at("/netMinor").asLong();
        }
        return earned;
    }

    /** The payee's latest disbursement, checking it is its {@code count}th, paid on the day as the role. */
    JsonNode disbursed(Party payee, int count, LocalDate day, String role) {
        var list = api.get("/api/v1/disbursements?limit=100", payee.admin());
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        var items = new ArrayList<JsonNode>();
        list.json().at("/items").forEach(items::add);
        assertThat(items).as("disbursements of " + payee.admin()).hasSize(count);
        var latest = items.getFirst();
        assertThat(latest.at("/dueDay").asString()).isEqualTo(day.toString());
        assertThat(latest.at("/payableRole").asString()).isEqualTo(role);
        assertThat(latest.at("/status").asString()).isEqualTo("PAID");
        assertThat(latest.at("/currencyCode").asString()).isEqualTo("USD");
        return latest;
    }

    /**
     * The disbursement's report lists what it covers, the month's collections of the given invoices and nothing else,
     * and reconciles: its lines sum to the amount.
     */
    void assertReconciles(
            Party payee, JsonNode disbursement, @Nullable String invoiceId, @Nullable String otherInvoiceId) {
        var report = api.get("/api/v1/disbursements/" + disbursement.at("/id").asString() + "/report", payee.admin());
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        var covered = new HashSet<String>();
        long sum = 0;
        for (var line : report.json().at("/lines")) {
            covered.add(line.at("/reference").asString());
            sum += cents(line.at("/amount"));
        }
        var expected = new HashSet<String>();
        if (invoiceId != null) {
            expected.add(invoiceId);
        }
        if (otherInvoiceId != null) {
            expected.add(otherInvoiceId);
        }
        assertThat(covered).as(report.body()).isEqualTo(expected);
        assertThat(sum).as(report.body()).isEqualTo(cents(disbursement.at("/amount")));
        assertThat(cents(report.json().at("/covered"))).isEqualTo(sum);
        assertThat(report.json().at("/reconciles").asBoolean())
                .as(report.body())
                .isTrue();
    }

    void assertPaid(String finance, String invoiceId) {
        var invoice = api.get("/api/v1/invoices/" + invoiceId, finance).json().at("/invoice");
        assertThat(invoice.at("/status").asString()).isEqualTo("PAID");
        assertThat(invoice.at("/open").asString()).isEqualTo("0.00");
    }

    /** The payee's paid-out total over its per-month chart, which has a bar for each of {@code count} months. */
    long paidPerMonth(Party payee, int count) {
        var months = api.get("/api/v1/disbursements/monthly", payee.admin());
        assertThat(months.status()).as(months.body()).isEqualTo(200);
        long sum = 0;
        for (var month : months.json().at("/items")) {
            assertThat(month.at("/currency").asString().toUpperCase(Locale.ROOT))
                    .isEqualTo("USD");
            sum += month.at("/amountMinor").asLong();
        }
        assertThat(months.json().at("/items")).hasSize(count);
        return sum;
    }

    void assertInvariantsPass(String step) {
        var check = api.post("/api/v1/ledger/invariants", OPERATOR, "");
        assertThat(check.status()).as(step + ": " + check.body()).isEqualTo(200);
        assertThat(check.json().at("/passed").asBoolean())
                .as(step + ": " + check.body())
                .isTrue();
    }
}
