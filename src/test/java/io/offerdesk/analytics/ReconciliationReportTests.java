package io.offerdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The reconciliation reports end to end: Acme's direct installment and Northwind's CPPO of another Acme product,
 * invoiced, paid, partly refunded and disbursed with the simulated clock. Every figure is computed in the test from the
 * listing-fee rates (3% direct, 3.5% CPPO on the wholesale), to the cent; the payables tie out against the ledger;
 * sellers and partners see only their own figures.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 24)
@EndToEndTest
class ReconciliationReportTests {

    static final CurrencyUnit USD = CurrencyUnit.USD;
    static final String OPERATOR = CollectionFixtures.OPERATOR;
    static final String ACME_FINANCE = "finance@acme.example";
    static final String NORTHWIND_ADMIN = "admin@northwind.example";
    static final String NIMBUS_ADMIN = "admin@nimbus.example";
    static final String PASSWORD = "offerdesk-demo";

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Test
    void billedCollectedFeesClawbacksAndDisbursedReconcileToTheCentPerSellerPartnerAndProduct() {
        var fixtures = new CollectionFixtures(api, jdbc);
        var acme = partyOf(ACME_FINANCE);
        var northwind = partyOf(NORTHWIND_ADMIN);
        var from = YearMonth.from(fixtures.now().atZone(ZoneOffset.UTC));
        var to = from.plusMonths(3);
        var range = "from=" + from + "&to=" + to;

        var buyer = fixtures.buyer();
        var direct = fixtures.buy(buyer, fixtures.installmentOffer(buyer.accountId(), 1, List.of("1000.00")));
        var resold = fixtures.buy(buyer, fixtures.resoldOffer(buyer.accountId(), "8"));
        var directInvoice = invoiceOf(
                fixtures, direct, fixtures.charges(buyer.procurement(), direct).getFirst());
        assertThat(fixtures.pay(buyer.finance(), directInvoice, "1000.00", "direct")
                        .status())
                .isEqualTo(201);
        var resoldCharge = fixtures.charges(buyer.procurement(), resold).stream()
                .filter(c -> c.at("/amount").asString().equals("1080.00"))
                .findFirst()
                .orElseThrow();
        var resoldInvoice = invoiceOf(fixtures, resold, resoldCharge);
        assertThat(fixtures.pay(buyer.finance(), resoldInvoice, "1080.00", "resold")
                        .status())
                .isEqualTo(201);
        var directProduct = productOf(direct);
        var resoldProduct = productOf(resold);

        // Acme's direct product: 1,000.00 billed and collected, its 3% fee 30.00, 970.00 left payable.
        var acmeDirect = report(ACME_FINANCE, range + "&groupBy=PAYEE&productId=" + directProduct);
        assertThat(onlyRow(acmeDirect, acme))
                .isEqualTo(List.of("1000.00", "0.00", "1000.00", "30.00", "0.00", "0.00", "0.00", "970.00"));
        // The CPPO: Acme its wholesale 1,000.00 less 3.5% (35.00); Northwind its 80.00 markup, which bears no fee.
        var acmeResold = report(ACME_FINANCE, range + "&groupBy=PAYEE&productId=" + resoldProduct);
        assertThat(onlyRow(acmeResold, acme))
                .isEqualTo(List.of("1000.00", "0.00", "1000.00", "35.00", "0.00", "0.00", "0.00", "965.00"));
        var northwindResold = report(NORTHWIND_ADMIN, range + "&groupBy=PAYEE&productId=" + resoldProduct);
        assertThat(onlyRow(northwindResold, northwind))
                .isEqualTo(List.of("80.00", "0.00", "80.00", "0.00", "0.00", "0.00", "0.00", "80.00"));
        // The operator sees both payees of the CPPO; grouped by partner, the buyer price is Northwind's row.
        var operatorResold = report(OPERATOR, range + "&groupBy=PAYEE&productId=" + resoldProduct);
        assertThat(operatorResold.at("/currencies/0/rows")).hasSize(2);
        assertThat(figures(operatorResold.at("/currencies/0/total")))
                .isEqualTo(List.of("1080.00", "0.00", "1080.00", "35.00", "0.00", "0.00", "0.00", "1045.00"));
        var byPartner = report(OPERATOR, range + "&groupBy=PARTNER&productId=" + resoldProduct);
        assertThat(byPartner.at("/currencies/0/rows/0/key").asString()).isEqualTo(northwind.toString());
        assertThat(byPartner.at("/currencies/0/rows/0/name").asString()).isEqualTo("Northwind Resellers");
        assertThat(byPartner.at("/currencies/0/rows/0/billed").asString()).isEqualTo("1080.00");

        // Acme's fee statements list each fee with its invoice, line, collection and rate.
        var directFee = feeOf(ACME_FINANCE, directInvoice);
        assertThat(directFee.at("/lineNo").asInt()).isEqualTo(1);
        assertThat(directFee.at("/ratePercent").asString()).isEqualTo("3");
        assertThat(directFee.at("/base").asString()).isEqualTo("1000.00");
        assertThat(directFee.at("/fee").asString()).isEqualTo("30.00");
        assertThat(directFee.at("/collectionId").asString()).startsWith("papp-");
        assertThat(directFee.at("/productId").asString()).isEqualTo(directProduct);
        var resoldFee = feeOf(ACME_FINANCE, resoldInvoice);
        assertThat(resoldFee.at("/ratePercent").asString()).isEqualTo("3.5");
        assertThat(resoldFee.at("/fee").asString()).isEqualTo("35.00");
        assertThat(resoldFee.at("/agreementId").asString()).isEqualTo(resold);
        assertThat(feesOf(NORTHWIND_ADMIN, monthOf(resoldFee), null)).isEmpty();

        // A refund of 400.00 of the direct invoice claws back 400.00 and returns 12.00 of the fee (3%).
        var refund = refund(direct, directInvoice, "400.00");
        assertThat(refund.at("/status").asString()).as(refund.toString()).isEqualTo("COMPLETED");
        var afterRefund = report(ACME_FINANCE, range + "&groupBy=PAYEE&productId=" + directProduct);
        assertThat(onlyRow(afterRefund, acme))
                .isEqualTo(List.of("1000.00", "400.00", "1000.00", "30.00", "400.00", "12.00", "0.00", "582.00"));
        var returned = feesOf(ACME_FINANCE, monthOf(fixtures.now()), null).stream()
                .filter(f -> f.at("/invoiceId").asString().equals(directInvoice)
                        && !f.at("/creditMemoId").isNull())
                .toList();
        assertThat(returned).singleElement().satisfies(f -> {
            assertThat(f.at("/fee").asString()).isEqualTo("-12.00");
            assertThat(f.at("/base").asString()).isEqualTo("-400.00");
            assertThat(f.at("/ratePercent").isNull()).isTrue();
        });

        // Disbursed on the 1st of the next month: every payable ties out, before and after.
        assertTiesOut(ACME_FINANCE, acme, AccountRole.SELLER_PAYABLE);
        assertTiesOut(NORTHWIND_ADMIN, northwind, AccountRole.PARTNER_PAYABLE);
        var nextMonth = YearMonth.from(fixtures.now().atZone(ZoneOffset.UTC)).plusMonths(1);
        fixtures.advanceTo(
                nextMonth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600));
        var paidOut = paidOut(ACME_FINANCE);
        assertThat(paidOut.isPositive()).isTrue();
        var check = assertTiesOut(ACME_FINANCE, acme, AccountRole.SELLER_PAYABLE);
        assertThat(check.at("/disbursed").asString())
                .isEqualTo(paidOut.getAmount().toPlainString());
        assertThat(check.at("/ledgerBalance").asString()).isEqualTo("0.00");
        assertTiesOut(NORTHWIND_ADMIN, northwind, AccountRole.PARTNER_PAYABLE);
        // The operator sees every payee's tie-out; other tests pay out payables they post straight to the ledger
        // (no invoice behind them), so only this test's payees are asserted here.
        var operatorChecks = new ArrayList<JsonNode>();
        report(OPERATOR, range + "&groupBy=SELLER").at("/payableChecks").forEach(c -> {
            var payee =
                    c.at("/payeePartyId").asString() + "/" + c.at("/payeeRole").asString();
            if ((payee.equals(acme + "/SELLER_PAYABLE") || payee.equals(northwind + "/PARTNER_PAYABLE"))
                    && c.at("/currencyCode").asString().equals("USD")) {
                operatorChecks.add(c);
            }
        });
        assertThat(operatorChecks)
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.at("/tiesOut").asBoolean())
                        .as(c.toString())
                        .isTrue());
        // What a month's report disbursed is what the disbursements of that month paid.
        var disbursedThisMonth = report(ACME_FINANCE, "from=" + nextMonth + "&to=" + nextMonth + "&groupBy=MONTH")
                .at("/currencies/0/total/disbursed")
                .asString();
        assertThat(disbursedThisMonth)
                .isEqualTo(paidOut(ACME_FINANCE, nextMonth).getAmount().toPlainString());

        // The operator's fee revenue equals the ledger's FEE_REVENUE movements every month.
        var revenue = api.get("/api/v1/reports/fee-revenue?" + range, OPERATOR);
        assertThat(revenue.status()).as(revenue.body()).isEqualTo(200);
        assertThat(revenue.json().at("/tiesOut").asBoolean()).isTrue();
        assertThat(revenue.json().at("/months")).isNotEmpty();
        var acmeSaas = Money.zero(USD);
        for (var line : revenue.json().at("/lines")) {
            assertThat(line.at("/productType").asString()).isNotBlank();
            if (line.at("/sellerPartyId").asString().equals(acme.toString())
                    && line.at("/productType").asString().equals("SAAS")) {
                acmeSaas = acmeSaas.plus(Money.parse("USD " + line.at("/amount").asString()));
            }
        }
        assertThat(acmeSaas.isGreaterThan(Money.parse("USD 52.99"))).isTrue();
        assertThat(api.get("/api/v1/reports/fee-revenue", ACME_FINANCE).status())
                .isEqualTo(403);

        // CSV downloads of each report.
        var csv = api.get(
                "/api/v1/reports/reconciliation.csv?" + range + "&groupBy=PRODUCT&productId=" + directProduct,
                ACME_FINANCE);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("currency,product,name,billed,credited,collected,fees,clawed_back,fees_returned,disbursed,"
                        + "payable\r\n")
                .contains("USD," + directProduct + ",")
                .contains(",1000.00,400.00,1000.00,30.00,400.00,12.00,0.00,582.00\r\n")
                .contains("USD,TOTAL,,1000.00,400.00,1000.00,30.00,400.00,12.00,0.00,582.00\r\n");
        var feeCsv = api.get("/api/v1/reports/fee-statement.csv?month=" + monthOf(directFee), ACME_FINANCE);
        assertThat(feeCsv.status()).isEqualTo(200);
        assertThat(feeCsv.body()).contains(directInvoice).contains(",3,30.00\r\n");
        var revenueCsv = api.get("/api/v1/reports/fee-revenue.csv?" + range, OPERATOR);
        assertThat(revenueCsv.body()).startsWith("month,currency,product_type,seller_party_id,seller,fees\r\n");

        // The pages, in English and Chinese: the operator's reconciliation and fee revenue, Acme's fee statement.
        var operator = new SignedInSession(api, OPERATOR, PASSWORD);
        var operatorPage = html(operator.get("/reports/reconciliation?lang=en&groupBy=SELLER&" + range));
        assertThat(operatorPage)
                .contains("Reconciliation: billed, collected, disbursed", "reconciliation-chart-USD", "Acme");
        // Every payee is on the operator's page, also other tests' payees paid from ledger-only postings: this
        // test's payees are the ones asserted.
        assertThat(tieOutMarks(operatorPage, acme)).isNotEmpty().containsOnly("check-ok");
        assertThat(tieOutMarks(operatorPage, northwind)).isNotEmpty().containsOnly("check-ok");
        var operatorPageZh = html(operator.get("/reports/reconciliation?lang=zh-CN&groupBy=MONTH&" + range));
        assertThat(operatorPageZh).contains("对账：开票、收款、付款");
        assertThat(tieOutMarks(operatorPageZh, acme)).isNotEmpty().containsOnly("check-ok");
        assertThat(html(operator.get("/operator/reports/fee-revenue?lang=en&" + range)))
                .contains("Marketplace fee revenue", "Every month equals the ledger fee revenue to the cent.", "SAAS");
        assertThat(html(operator.get("/operator/reports/fee-revenue?lang=zh-CN&" + range)))
                .contains("市场费用收入", "每个月都与总账费用收入精确到分一致。");
        var acmeSession = new SignedInSession(api, ACME_FINANCE, PASSWORD);
        assertThat(html(acmeSession.get("/reports/fees?lang=en&month=" + monthOf(directFee))))
                .contains("Listing fee statement", directInvoice, "30.00", "3.00 %");
        assertThat(html(acmeSession.get("/reports/fees?lang=zh-CN&month=" + monthOf(directFee))))
                .contains("上架费对账单");
        var pageCsv =
                acmeSession.get("/reports/reconciliation.csv?groupBy=PRODUCT&productId=" + directProduct + "&" + range);
        assertThat(pageCsv.statusCode()).isEqualTo(200);
        assertThat(html(pageCsv)).contains("USD,TOTAL,,1000.00,400.00");
        assertThat(new SignedInSession(api, NIMBUS_ADMIN, PASSWORD)
                        .get("/reports/reconciliation?productId=" + directProduct)
                        .statusCode())
                .isEqualTo(404);
        assertThat(acmeSession.get("/operator/reports/fee-revenue").statusCode())
                .isEqualTo(403);

        // Tenant isolation: another seller, the partner and a buyer do not see Acme's figures.
        assertThat(api.get("/api/v1/reports/reconciliation?productId=" + directProduct, NIMBUS_ADMIN)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/reports/reconciliation?sellerPartyId=" + acme, NIMBUS_ADMIN)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/reports/reconciliation?productId=" + directProduct, NORTHWIND_ADMIN)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/reports/fee-statement?sellerPartyId=" + acme, NORTHWIND_ADMIN)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/reports/reconciliation.csv?sellerPartyId=" + acme, NIMBUS_ADMIN)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/reports/reconciliation", buyer.finance()).status())
                .isEqualTo(403);
        var nimbus = report(NIMBUS_ADMIN, range + "&groupBy=PAYEE");
        assertThat(nimbus.toString()).doesNotContain(acme.toString()).doesNotContain(northwind.toString());
        assertThat(nimbus.at("/payableChecks").toString()).doesNotContain(acme.toString());
        // A seller may filter by the partner that resells its products.
        assertThat(api.get("/api/v1/reports/reconciliation?" + range + "&partnerPartyId=" + northwind, ACME_FINANCE)
                        .status())
                .isEqualTo(200);
        // A range the report refuses names the field.
        var refused = api.get("/api/v1/reports/reconciliation?from=2030-05&to=2030-01", ACME_FINANCE);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("\"to\"");
    }

    private static String html(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private JsonNode report(String email, String query) {
        var reply = api.get("/api/v1/reports/reconciliation?" + query, email);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The report's one row, of the payee, as billed, credited, collected, fees, clawed back, returned, disbursed, payable. */
    private static List<String> onlyRow(JsonNode report, UUID payee) {
        assertThat(report.at("/currencies")).hasSize(1);
        assertThat(report.at("/currencies/0/currencyCode").asString()).isEqualTo("USD");
        var rows = report.at("/currencies/0/rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).at("/key").asString()).isEqualTo(payee.toString());
        assertThat(figures(report.at("/currencies/0/total"))).isEqualTo(figures(rows.get(0)));
        return figures(rows.get(0));
    }

    private static List<String> figures(JsonNode row) {
        return List.of(
                row.at("/billed").asString(),
                row.at("/credited").asString(),
                row.at("/collected").asString(),
                row.at("/fees").asString(),
                row.at("/clawedBack").asString(),
                row.at("/feesReturned").asString(),
                row.at("/disbursed").asString(),
                row.at("/payable").asString());
    }

    /** The tie-out marks ({@code check-ok} or {@code check-broken}) of the payee's rows on a report page. */
    private static List<String> tieOutMarks(String page, UUID payee) {
        var marks = new ArrayList<String>();
        var row = Pattern.compile("data-payee=\"" + payee + "\"[\\s\\S]*?(check-ok|check-broken)")
                .matcher(page);
        while (row.find()) {
            marks.add(row.group(1));
        }
        return marks;
    }

    /** Checks the payee's tie-out against the ledger read here, and returns it. */
    private JsonNode assertTiesOut(String email, UUID party, AccountRole role) {
        var report = report(email, "groupBy=PAYEE");
        assertThat(report.at("/tiesOut").asBoolean()).as(report.toString()).isTrue();
        var checks = new ArrayList<JsonNode>();
        report.at("/payableChecks").forEach(checks::add);
        assertThat(checks)
                .allSatisfy(c -> assertThat(c.at("/payeePartyId").asString()).isEqualTo(party.toString()));
        var check = checks.stream()
                .filter(c -> c.at("/payeeRole").asString().equals(role.name())
                        && c.at("/currencyCode").asString().equals("USD"))
                .findFirst()
                .orElseThrow();
        var balance = ledger.balance(new LedgerAccount(party, role, USD)).net().negated();
        assertThat(check.at("/ledgerBalance").asString())
                .isEqualTo(balance.getAmount().toPlainString());
        assertThat(Money.parse("USD " + check.at("/left").asString())
                        .minus(Money.parse("USD " + check.at("/disbursed").asString())))
                .isEqualTo(balance);
        return check;
    }

    private JsonNode feeOf(String email, String invoiceId) {
        var month = YearMonth.from(
                jdbc.sql("SELECT max(applied_at) FROM invoicing.payment_application WHERE invoice_id = ?")
                        .param(invoiceId)
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant()
                        .atZone(ZoneOffset.UTC));
        var fees = feesOf(email, month.toString(), invoiceId);
        assertThat(fees).hasSize(1);
        return fees.getFirst();
    }

    private List<JsonNode> feesOf(String email, String month, @org.jspecify.annotations.Nullable String invoiceId) {
        var reply = api.get("/api/v1/reports/fee-statement?month=" + month, email);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var items = new ArrayList<JsonNode>();
        reply.json().at("/items").forEach(item -> {
            if (invoiceId == null || invoiceId.equals(item.at("/invoiceId").asString())) {
                items.add(item);
            }
        });
        return items;
    }

    private static String monthOf(JsonNode fee) {
        return monthOf(Instant.parse(fee.at("/at").asString()));
    }

    private static String monthOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
    }

    /** What the payee's paid disbursements paid out, in all or in one month. */
    private Money paidOut(String email) {
        return paidOut(email, null);
    }

    private Money paidOut(String email, @org.jspecify.annotations.Nullable YearMonth month) {
        var sum = Money.zero(USD);
        for (var d : api.get("/api/v1/disbursements?limit=200", email).json().at("/items")) {
            var at = YearMonth.from(
                    Instant.parse(d.at("/disbursedAt").asString()).atZone(ZoneOffset.UTC));
            if (d.at("/status").asString().equals("PAID")
                    && d.at("/currencyCode").asString().equals("USD")
                    && (month == null || month.equals(at))) {
                sum = sum.plus(Money.parse("USD " + d.at("/amount").asString()));
            }
        }
        return sum;
    }

    private String productOf(String agreementId) {
        return jdbc.sql("SELECT DISTINCT product_id FROM invoicing.invoice_line WHERE agreement_id = ?")
                .param(agreementId)
                .query(String.class)
                .single();
    }

    private UUID partyOf(String email) {
        return UUID.fromString(
                api.get("/api/v1/parties/me", email).json().at("/id").asString());
    }

    private String invoiceOf(CollectionFixtures fixtures, String agreementId, JsonNode charge) {
        var issued = Instant.parse(charge.at("/time").asString()).plusSeconds(3600);
        if (issued.isAfter(fixtures.now())) {
            fixtures.advanceTo(issued);
        }
        return fixtures.invoiceOf(agreementId, charge.at("/id").asString()).orElseThrow();
    }

    private JsonNode refund(String agreementId, String invoiceId, String amount) {
        var created = api.post("/api/v1/billing-adjustment-requests", ACME_FINANCE, """
                {"billingAdjustmentRequestEntries":[{"agreementId":"%s","originalInvoiceId":"%s",
                 "adjustmentAmount":"%s","currencyCode":"USD","adjustmentReasonCode":"BUYER_DISSATISFACTION",
                 "clientToken":"t-%s","description":"Refund for the report"}]}""".formatted(
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
}
