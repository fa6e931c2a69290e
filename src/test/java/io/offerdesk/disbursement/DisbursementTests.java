package io.offerdesk.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.LedgerInvariants;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Disbursements played through with the simulated clock: an installment agreement of Acme's and a CPPO resold by
 * Northwind, paid by the buyer; daily and monthly preferences; amounts computed in the test from the collection
 * entries' postings; every report reconciling; a refund after a payout netted by the next one; a failed transfer
 * retried once; the ledger's invariants after every step.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 21)
@EndToEndTest
class DisbursementTests {

    static final CurrencyUnit USD = CurrencyUnit.USD;
    static final String OPERATOR = CollectionFixtures.OPERATOR;
    static final String ACME_FINANCE = "finance@acme.example";
    static final String NORTHWIND_ADMIN = "admin@northwind.example";
    static final String NIMBUS_ADMIN = "admin@nimbus.example";
    /** A well-formed IBAN (the standard's German example). */
    static final String PASSWORD = "offerdesk-demo";

    static final String IBAN = "DE89 3704 0044 0532 0130 00";

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerInvariants invariants;

    @Test
    void installmentsAndAResoldOfferArePaidOutToTheCentWithReportsThatReconcile() {
        var fixtures = new CollectionFixtures(api, jdbc);
        var acme = partyOf(ACME_FINANCE);
        var northwind = partyOf(NORTHWIND_ADMIN);
        var acmePayable = new LedgerAccount(acme, AccountRole.SELLER_PAYABLE, USD);
        var northwindPayable = new LedgerAccount(northwind, AccountRole.PARTNER_PAYABLE, USD);

        // Daily for both; whatever other tests left payable is paid out at the next midnight.
        var set = prefer(ACME_FINANCE, "{\"frequency\":\"DAILY\",\"bankAccount\":\"" + IBAN + "\"}");
        assertThat(set.json().at("/bankAccount").asString()).isEqualTo("•••• 3000");
        assertThat(set.json().at("/isDefault").asBoolean()).isFalse();
        prefer(NORTHWIND_ADMIN, "{\"frequency\":\"DAILY\",\"bankAccount\":\"011000015-12345678\"}");
        fixtures.advanceTo(nextMidnight(fixtures.now()).plusSeconds(60));
        var acmeBefore = payable(acmePayable);
        var northwindBefore = payable(northwindPayable);
        assertThat(acmeBefore.isPositive()).isFalse();
        assertThat(northwindBefore.isPositive()).isFalse();
        assertInvariantsHold();

        var buyer = fixtures.buyer();
        var direct = fixtures.buy(
                buyer, fixtures.installmentOffer(buyer.accountId(), 3, List.of("1000.00", "1000.00", "1000.00")));
        var resold = fixtures.buy(buyer, fixtures.resoldOffer(buyer.accountId(), "8"));
        var installments = fixtures.charges(buyer.procurement(), direct);
        assertThat(installments).hasSize(3);

        // The first installment, paid: paid out at the next midnight, with what was left before.
        var first = invoiceOf(fixtures, direct, installments.get(0));
        assertThat(fixtures.pay(buyer.finance(), first, "1000.00", "first").status())
                .isEqualTo(201);
        var firstOwed = owed(first, acmePayable);
        assertThat(firstOwed.isPositive()).isTrue();
        assertThat(firstOwed.isGreaterThan(Money.parse("USD 1000.00"))).isFalse();
        var beforeFirst = disbursementsOf(ACME_FINANCE).size();
        fixtures.advanceTo(nextMidnight(fixtures.now()).plusSeconds(60));
        var d1 = latest(ACME_FINANCE, beforeFirst + 1);
        assertThat(amount(d1)).isEqualTo(acmeBefore.plus(firstOwed));
        assertThat(d1.at("/payableRole").asString()).isEqualTo("SELLER_PAYABLE");
        assertThat(d1.at("/status").asString()).isEqualTo("PAID");
        assertThat(d1.at("/bankAccount").asString()).isEqualTo("•••• 3000");
        var r1 = reconciledReport(d1);
        assertThat(lineAmount(r1, first)).isEqualTo(firstOwed);
        assertThat(payable(acmePayable)).isEqualTo(Money.zero(USD));
        assertThat(ledger.entry("disbursement:" + id(d1)).orElseThrow().postings())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.debit()).isEqualTo(acmePayable);
                    assertThat(p.credit()).isEqualTo(LedgerAccount.marketplace(AccountRole.MARKETPLACE_CASH, USD));
                    assertThat(p.amount()).isEqualTo(amount(d1));
                });
        var csv = api.get("/api/v1/disbursements/" + id(d1) + "/report.csv", ACME_FINANCE);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body())
                .contains(first)
                .contains("TOTAL_COVERED,,," + USD.getCode() + ","
                        + amount(d1).getAmount().toPlainString());
        assertInvariantsHold();

        // Another tenant's disbursement does not exist for it; a buyer reads none.
        assertThat(api.get("/api/v1/disbursements/" + id(d1), NIMBUS_ADMIN).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/disbursements/" + id(d1) + "/report", NIMBUS_ADMIN)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/disbursements", buyer.finance()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/disbursements/" + id(d1), OPERATOR).status())
                .isEqualTo(200);

        // A refund after the payout claws back: the payable goes negative and nothing is paid at midnight.
        var refund = refund(direct, first, "400.00");
        assertThat(refund.at("/status").asString()).as(refund.toString()).isEqualTo("COMPLETED");
        var clawback = payable(acmePayable);
        assertThat(clawback.isNegative()).isTrue();
        var beforeClawback = disbursementsOf(ACME_FINANCE).size();
        fixtures.advanceTo(nextMidnight(fixtures.now()).plusSeconds(60));
        assertThat(disbursementsOf(ACME_FINANCE)).hasSize(beforeClawback);
        assertInvariantsHold();

        // The second installment, paid: the next payout nets the clawback.
        var second = invoiceOf(fixtures, direct, installments.get(1));
        assertThat(fixtures.pay(buyer.finance(), second, "1000.00", "second").status())
                .isEqualTo(201);
        var secondOwed = owed(second, acmePayable);
        fixtures.advanceTo(nextMidnight(fixtures.now()).plusSeconds(60));
        var d2 = latest(ACME_FINANCE, beforeClawback + 1);
        assertThat(amount(d2)).isEqualTo(secondOwed.plus(clawback));
        var r2 = reconciledReport(d2);
        assertThat(lineAmount(r2, second)).isEqualTo(secondOwed);
        assertThat(lineAmount(r2, first)).isEqualTo(clawback);
        assertInvariantsHold();

        // The transfer failed: the payout is given back and retried once, by the operator.
        assertThat(api.post("/api/v1/disbursements/" + id(d2) + "/retry", OPERATOR, "{}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/disbursements/" + id(d2) + "/failure", ACME_FINANCE, "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
        var failed =
                api.post("/api/v1/disbursements/" + id(d2) + "/failure", OPERATOR, "{\"reason\":\"Account closed\"}");
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        assertThat(failed.json().at("/status").asString()).isEqualTo("FAILED");
        assertThat(failed.json().at("/failureReason").asString()).isEqualTo("Account closed");
        assertThat(payable(acmePayable)).isEqualTo(amount(d2));
        assertThat(ledger.entry("disbursement-failed:" + id(d2))).isPresent();
        assertThat(api.post("/api/v1/disbursements/" + id(d2) + "/failure", OPERATOR, "{\"reason\":\"again\"}")
                        .status())
                .isEqualTo(409);
        var retried = api.post("/api/v1/disbursements/" + id(d2) + "/retry", OPERATOR, "{}");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        var d3 = retried.json();
        assertThat(amount(d3)).isEqualTo(amount(d2));
        assertThat(d3.at("/retryOf").asString()).isEqualTo(id(d2));
        var r3 = reconciledReport(d3);
        assertThat(r3.at("/lines")).singleElement().satisfies(line -> {
            assertThat(line.at("/entry").asString()).isEqualTo("disbursement-failed:" + id(d2));
            assertThat(line.at("/amount").asString())
                    .isEqualTo(amount(d2).getAmount().toPlainString());
        });
        assertThat(api.post("/api/v1/disbursements/" + id(d2) + "/retry", OPERATOR, "{}")
                        .status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/disbursements/" + id(d2), ACME_FINANCE)
                        .json()
                        .at("/retriedBy")
                        .asString())
                .isEqualTo(id(d3));
        assertThat(payable(acmePayable)).isEqualTo(Money.zero(USD));
        assertInvariantsHold();

        // The CPPO's first installment: the ISV its wholesale part, the partner the rest, each paid at midnight.
        var resoldCharge = fixtures.charges(buyer.procurement(), resold).stream()
                .filter(c -> c.at("/amount").asString().equals("1080.00"))
                .findFirst()
                .orElseThrow();
        var resoldInvoice = invoiceOf(fixtures, resold, resoldCharge);
        assertThat(fixtures.pay(buyer.finance(), resoldInvoice, "1080.00", "resold")
                        .status())
                .isEqualTo(201);
        var isvOwed = owed(resoldInvoice, acmePayable);
        var partnerOwed = owed(resoldInvoice, northwindPayable);
        assertThat(isvOwed.plus(partnerOwed).isGreaterThan(Money.parse("USD 1080.00")))
                .isFalse();
        var acmeCount = disbursementsOf(ACME_FINANCE).size();
        var northwindCount = disbursementsOf(NORTHWIND_ADMIN).size();
        fixtures.advanceTo(nextMidnight(fixtures.now()).plusSeconds(60));
        var isvPaid = latest(ACME_FINANCE, acmeCount + 1);
        var partnerPaid = latest(NORTHWIND_ADMIN, northwindCount + 1);
        assertThat(amount(isvPaid)).isEqualTo(isvOwed);
        assertThat(amount(partnerPaid)).isEqualTo(northwindBefore.plus(partnerOwed));
        assertThat(partnerPaid.at("/payableRole").asString()).isEqualTo("PARTNER_PAYABLE");
        assertThat(lineAmount(reconciledReport(isvPaid), resoldInvoice)).isEqualTo(isvOwed);
        assertThat(lineAmount(reconciledReport(partnerPaid), resoldInvoice)).isEqualTo(partnerOwed);
        assertInvariantsHold();

        // Monthly: the third installment waits for the chosen day.
        var third = invoiceOf(fixtures, direct, installments.get(2));
        assertThat(fixtures.pay(buyer.finance(), third, "1000.00", "third").status())
                .isEqualTo(201);
        var thirdOwed = owed(third, acmePayable);
        var day = fixtures.today().plusDays(2);
        while (day.getDayOfMonth() > 28) {
            day = day.plusDays(1);
        }
        prefer(ACME_FINANCE, "{\"frequency\":\"MONTHLY\",\"dayOfMonth\":" + day.getDayOfMonth() + "}");
        var beforeMonthly = disbursementsOf(ACME_FINANCE).size();
        var dueAt = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        fixtures.advanceTo(dueAt.minusSeconds(3600));
        assertThat(disbursementsOf(ACME_FINANCE)).hasSize(beforeMonthly);
        fixtures.advanceTo(dueAt.plusSeconds(60));
        var monthly = latest(ACME_FINANCE, beforeMonthly + 1);
        assertThat(monthly.at("/dueDay").asString()).isEqualTo(day.toString());
        assertThat(amount(monthly)).isEqualTo(thirdOwed);
        assertThat(lineAmount(reconciledReport(monthly), third)).isEqualTo(thirdOwed);
        assertInvariantsHold();

        // What each month paid out, as the payee's chart shows it.
        var months =
                api.get("/api/v1/disbursements/monthly", ACME_FINANCE).json().at("/items");
        var paidInTotal = new ArrayList<Long>();
        months.forEach(m -> paidInTotal.add(m.at("/amountMinor").asLong()));
        assertThat(paidInTotal.stream().mapToLong(Long::longValue).sum())
                .isGreaterThanOrEqualTo(amount(d1)
                        .plus(amount(d3))
                        .plus(amount(isvPaid))
                        .plus(amount(monthly))
                        .getAmountMinorLong());

        // The pages: the payee's list, chart, report and CSV, in English and Chinese; the operator's runs and actions.
        var finance = new SignedInSession(api, ACME_FINANCE, PASSWORD);
        assertThat(html(finance.get("/disbursements?lang=en")))
                .contains(id(d1), id(monthly), "Disbursed per month (USD)", "disbursement-chart", "•••• 3000");
        var detail = html(finance.get("/disbursements/" + id(d2) + "?lang=en"));
        assertThat(detail).contains(second, first, "Reconciles with the disbursed amount", "Failed", id(d3));
        assertThat(detail).doesNotContain("Retry now");
        assertThat(html(finance.get("/disbursements/" + id(d1) + "?lang=zh-CN")))
                .contains("与付款金额一致", "涵盖合计");
        var download = finance.get("/disbursements/" + id(d1) + "/report.csv");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(html(download)).contains(first);
        assertThat(new SignedInSession(api, NIMBUS_ADMIN, PASSWORD)
                        .get("/disbursements/" + id(d1) + "?lang=en")
                        .statusCode())
                .isEqualTo(404);
        var operator = new SignedInSession(api, OPERATOR, PASSWORD);
        assertThat(html(operator.get("/operator/disbursements?lang=en"))).contains("Run days", id(d2), id(d3), "Acme");
        assertThat(html(operator.get("/operator/disbursements/" + id(d1) + "?lang=en")))
                .contains("Report transfer failed");

        // Back to the default day, so that later tests' time travel stops once a month for these payees.
        prefer(ACME_FINANCE, "{\"frequency\":\"MONTHLY\",\"dayOfMonth\":1}");
        prefer(NORTHWIND_ADMIN, "{\"frequency\":\"MONTHLY\",\"dayOfMonth\":1}");
    }

    private static String html(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void preferencesAreCheckedAndKeptPerCurrency() {
        var list = api.get("/api/v1/disbursement-preferences", NIMBUS_ADMIN);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().at("/items")).hasSize(5);
        assertThat(list.json().at("/items/0/frequency").asString()).isEqualTo("MONTHLY");
        assertThat(list.json().at("/items/0/dayOfMonth").asInt()).isEqualTo(1);
        assertThat(list.json().at("/items/0/isDefault").asBoolean()).isTrue();
        assertField(put("EUR", "{\"frequency\":\"MONTHLY\",\"dayOfMonth\":29}"), "dayOfMonth");
        assertField(put("EUR", "{\"frequency\":\"MONTHLY\"}"), "dayOfMonth");
        assertField(put("EUR", "{\"frequency\":\"DAILY\",\"dayOfMonth\":3}"), "dayOfMonth");
        assertField(put("EUR", "{\"frequency\":\"WEEKLY\"}"), "frequency");
        assertField(put("CHF", "{\"frequency\":\"DAILY\"}"), "currency");
        // The IBAN with a wrong check digit; an ACH account in EUR; a routing number with a wrong checksum.
        assertField(put("EUR", "{\"frequency\":\"DAILY\",\"bankAccount\":\"DE88370400440532013000\"}"), "bankAccount");
        assertField(put("EUR", "{\"frequency\":\"DAILY\",\"bankAccount\":\"011000015-12345678\"}"), "bankAccount");
        assertField(put("USD", "{\"frequency\":\"DAILY\",\"bankAccount\":\"011000016-12345678\"}"), "bankAccount");
        var saved = put("EUR", "{\"frequency\":\"MONTHLY\",\"dayOfMonth\":15,\"bankAccount\":\"" + IBAN + "\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var eur =
                api.get("/api/v1/disbursement-preferences", NIMBUS_ADMIN).json().at("/items/1");
        assertThat(eur.at("/currencyCode").asString()).isEqualTo("EUR");
        assertThat(eur.at("/dayOfMonth").asInt()).isEqualTo(15);
        assertThat(eur.at("/bankAccount").asString()).isEqualTo("•••• 3000");
        // An offer author is neither the seller's administrator nor its finance user; a buyer is no payee.
        assertThat(api.get("/api/v1/disbursement-preferences", AgreementFixtures.AUTHOR)
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/disbursement-preferences", AgreementFixtures.GLOBEX)
                        .status())
                .isEqualTo(403);
    }

    private TestApi.Reply put(String currency, String body) {
        return api.put("/api/v1/disbursement-preferences/" + currency, NIMBUS_ADMIN, body);
    }

    private static void assertField(TestApi.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.body()).contains("\"" + field + "\"");
    }

    private TestApi.Reply prefer(String email, String body) {
        var reply = api.put("/api/v1/disbursement-preferences/USD", email, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    private UUID partyOf(String email) {
        return UUID.fromString(
                api.get("/api/v1/parties/me", email).json().at("/id").asString());
    }

    private static Instant nextMidnight(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC)
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    private String invoiceOf(CollectionFixtures fixtures, String agreementId, JsonNode charge) {
        var issued = Instant.parse(charge.at("/time").asString()).plusSeconds(3600);
        // A charge due while the clock was moved for an earlier step is invoiced already.
        if (issued.isAfter(fixtures.now())) {
            fixtures.advanceTo(issued);
        }
        return fixtures.invoiceOf(agreementId, charge.at("/id").asString()).orElseThrow();
    }

    /** What the payee's payable holds: credits minus debits. */
    private Money payable(LedgerAccount account) {
        return ledger.balance(account).net().negated();
    }

    /** What the ledger entries about the invoice added to the payable, summed from their postings. */
    private Money owed(String invoiceId, LedgerAccount account) {
        var minor = jdbc.sql("""
                        SELECT coalesce(sum(CASE WHEN p.credit_account_id = a.id THEN p.amount_minor
                                                 ELSE -p.amount_minor END), 0)
                        FROM ledger.posting p
                        JOIN ledger.journal_entry e ON e.id = p.entry_id
                        JOIN ledger.account a ON a.id IN (p.credit_account_id, p.debit_account_id)
                        WHERE e.reference = ? AND a.owner_party_id = ? AND a.role = ? AND a.currency = 'USD'
                        """)
                .params(invoiceId, account.ownerPartyId(), account.role().name())
                .query(Long.class)
                .single();
        return Money.ofMinor(USD, minor);
    }

    private JsonNode refund(String agreementId, String invoiceId, String amount) {
        var created = api.post("/api/v1/billing-adjustment-requests", ACME_FINANCE, """
                {"billingAdjustmentRequestEntries":[{"agreementId":"%s","originalInvoiceId":"%s",
                 "adjustmentAmount":"%s","currencyCode":"USD","adjustmentReasonCode":"BUYER_DISSATISFACTION",
                 "clientToken":"t-%s","description":"Refund after payout"}]}""".formatted(
                        agreementId, invoiceId, amount, UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().at("/errors")).as(created.body()).isEmpty();
        return api.get(
                        "/api/v1/billing-adjustment-requests/"
                                + created.json()
                                        .at("/items/0/billingAdjustmentRequestId")
                                        .asString(),
                        ACME_FINANCE)
                .json();
    }

    private List<JsonNode> disbursementsOf(String email) {
        var items = new ArrayList<JsonNode>();
        api.get("/api/v1/disbursements?limit=200", email).json().at("/items").forEach(items::add);
        return items;
    }

    /** The payee's latest disbursement, checking it now has {@code count}. */
    private JsonNode latest(String email, int count) {
        var all = disbursementsOf(email);
        assertThat(all).hasSize(count);
        return all.getFirst();
    }

    private JsonNode reconciledReport(JsonNode disbursement) {
        var report = api.get("/api/v1/disbursements/" + id(disbursement) + "/report", OPERATOR);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        var sum = Money.zero(USD);
        for (var line : report.json().at("/lines")) {
            sum = sum.plus(new BigDecimal(line.at("/amount").asString()));
        }
        assertThat(sum).isEqualTo(amount(disbursement));
        assertThat(report.json().at("/reconciles").asBoolean()).isTrue();
        return report.json();
    }

    /** The sum of the report's lines about the invoice. */
    private static Money lineAmount(JsonNode report, String invoiceId) {
        var sum = Money.zero(USD);
        for (var line : report.at("/lines")) {
            if (invoiceId.equals(line.at("/reference").asString(""))) {
                sum = sum.plus(new BigDecimal(line.at("/amount").asString()));
            }
        }
        return sum;
    }

    private static String id(JsonNode disbursement) {
        return disbursement.at("/id").asString();
    }

    private static Money amount(JsonNode disbursement) {
        return Money.of(USD, new BigDecimal(disbursement.at("/amount").asString()));
    }

    private void assertInvariantsHold() {
        var check = invariants.checkNow();
        assertThat(check.violations()).isEmpty();
        assertThat(check.violationCount()).isZero();
    }
}
