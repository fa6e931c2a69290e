package io.offerdesk.disbursement;

import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * $80,000 in 12 installments; the partner sells it to a buyer for $86,400 in 12 monthly installments; each month the
 * installment is invoiced, the buyer pays it and the monthly disbursement run pays the ISV and the partner. What each
 * of them and the marketplace receive is computed here from the rules of the domain reference, to the cent, and the
 * ledger's invariants are checked after every step.
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

    @Test
    void aChannelPartnerAgreementRunsForAYearAndEveryoneIsPaidToTheCent() {
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
        assertInvariantsPass("accepted");

        var fees = api.get("/api/v1/listing-fees/agreements/" + agreementId, isv.admin());
        assertThat(fees.status()).as(fees.body()).isEqualTo(200);
        assertThat(fees.json().at("/basis").asString()).isEqualTo("PRIVATE_BELOW_LOWER");
        assertThat(fees.json().at("/ratePercent").asString()).isEqualTo("3.5000");
        assertThat(fees.json().at("/contractValue").asString()).isEqualTo("80000.00");

        // Both payees are paid monthly on the 15th.
        prefer(isv, "{\"frequency\":\"MONTHLY\",\"dayOfMonth\":" + DISBURSEMENT_DAY + "}");
        prefer(partner, "{\"frequency\":\"MONTHLY\",\"dayOfMonth\":" + DISBURSEMENT_DAY + "}");
        assertInvariantsPass("preferences set");

        long isvPaid = 0;
        long partnerPaid = 0;
        long feesEarned = 0;
        for (int i = 0; i < INSTALLMENTS; i++) {
            var month = "month " + (i + 1);
            var date = dates.get(i);

            // The installment is invoiced at 00:00 UTC on its date.
            advanceTo(at(date, 1));
            var invoice = invoiceOn(finance, partner, date);
            assertThat(cents(invoice.at("/invoice/total"))).as(month).isEqualTo(buyerPrice(i));
            assertThat(invoice.at("/invoice/tax/amount").asString()).isEqualTo("0.00");
            var lines = invoice.at("/lines");
            assertThat(lines).as(month).hasSize(1);
            assertThat(lines.get(0).at("/agreementId").asString()).isEqualTo(agreementId);
            // The buyer never sees the wholesale price.
            assertThat(lines.get(0).at("/wholesaleAmount").isNull()).isTrue();
            var invoiceId = invoice.at("/invoice/invoiceId").asString();
            assertThat(cents(api.get("/api/v1/invoices/" + invoiceId, partner.admin())
                            .json()
                            .at("/lines/0/wholesaleAmount")))
                    .isEqualTo(wholesale(i));
            assertInvariantsPass(month + ", invoiced");

            // Nothing is payable before the buyer pays (§6.4).
            assertThat(payable(isv, "SELLER_PAYABLE")).as(month).isZero();
            assertThat(payable(partner, "PARTNER_PAYABLE")).as(month).isZero();

            // The buyer pays on the 10th; in the sixth month in two parts, which must come to the same cent.
            advanceTo(at(date.withDayOfMonth(PAYMENT_DAY), 12));
            long feesBefore = feeRevenue();
            if (i == 5) {
                pay(finance, invoiceId, "3000.01", month + " part");
                assertInvariantsPass(month + ", paid in part");
                pay(finance, invoiceId, "4199.99", month + " rest");
            } else {
                pay(finance, invoiceId, "7200.00", month);
            }
            assertThat(api.get("/api/v1/invoices/" + invoiceId, finance)
                            .json()
                            .at("/invoice/status")
                            .asString())
                    .isEqualTo("PAID");
            long feeThisMonth = feeRevenue() - feesBefore;
            assertThat(feeThisMonth).as(month + " fee").isEqualTo(fee(i));
            feesEarned += feeThisMonth;
            assertThat(payable(isv, "SELLER_PAYABLE")).as(month).isEqualTo(isv(i));
            assertThat(payable(partner, "PARTNER_PAYABLE")).as(month).isEqualTo(partner(i));
            assertInvariantsPass(month + ", paid");

            // The payees are paid out on the 15th.
            advanceTo(at(date.withDayOfMonth(DISBURSEMENT_DAY), 1));
            var toIsv = disbursed(isv, i + 1, date.withDayOfMonth(DISBURSEMENT_DAY), "SELLER_PAYABLE");
            assertThat(cents(toIsv.at("/amount"))).as(month + " ISV").isEqualTo(isv(i));
            assertReconciles(isv, toIsv, invoiceId);
            assertThat(payable(isv, "SELLER_PAYABLE")).as(month).isZero();
            var toPartner = disbursed(partner, i + 1, date.withDayOfMonth(DISBURSEMENT_DAY), "PARTNER_PAYABLE");
            assertThat(cents(toPartner.at("/amount"))).as(month + " partner").isEqualTo(partner(i));
            assertReconciles(partner, toPartner, invoiceId);
            assertThat(payable(partner, "PARTNER_PAYABLE")).as(month).isZero();
            isvPaid += cents(toIsv.at("/amount"));
            partnerPaid += cents(toPartner.at("/amount"));
            assertInvariantsPass(month + ", disbursed");
        }

        // The year: the ISV got the wholesale price less 3.5%, the partner its margin, the marketplace the fee.
        assertThat(isvPaid).isEqualTo(7_720_004L);
        assertThat(partnerPaid).isEqualTo(640_000L);
        assertThat(feesEarned).isEqualTo(279_996L);
        assertThat(isvPaid + partnerPaid + feesEarned).isEqualTo(BUYER_TOTAL);
        assertThat(paidPerMonth(isv)).isEqualTo(isvPaid);
        assertThat(paidPerMonth(partner)).isEqualTo(partnerPaid);
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

    /** The disbursement's report lists the month's collection and reconciles: its lines sum to the amount. */
    void assertReconciles(Party payee, JsonNode disbursement, String invoiceId) {
        var report = api.get("/api/v1/disbursements/" + disbursement.at("/id").asString() + "/report", payee.admin());
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        long sum = 0;
        for (var line : report.json().at("/lines")) {
            assertThat(line.at("/reference").asString()).as(report.body()).isEqualTo(invoiceId);
            sum += cents(line.at("/amount"));
        }
        assertThat(report.json().at("/lines")).as(report.body()).isNotEmpty();
        assertThat(sum).as(report.body()).isEqualTo(cents(disbursement.at("/amount")));
        assertThat(cents(report.json().at("/covered"))).isEqualTo(sum);
        assertThat(report.json().at("/reconciles").asBoolean())
                .as(report.body())
                .isTrue();
    }

    /** The payee's paid-out total over its per-month chart. */
    long paidPerMonth(Party payee) {
        var months = api.get("/api/v1/disbursements/monthly", payee.admin());
        assertThat(months.status()).as(months.body()).isEqualTo(200);
        long sum = 0;
        for (var month : months.json().at("/items")) {
            assertThat(month.at("/currency").asString().toUpperCase(Locale.ROOT))
                    .isEqualTo("USD");
            sum += month.at("/amountMinor").asLong();
        }
        assertThat(months.json().at("/items")).hasSize(INSTALLMENTS);
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
