package io.offerdesk.invoicing;

import static io.offerdesk.invoicing.FinanceFixtures.ACME_FINANCE;
import static io.offerdesk.invoicing.FinanceFixtures.AUTHOR;
import static io.offerdesk.invoicing.FinanceFixtures.GLOBEX;
import static io.offerdesk.invoicing.FinanceFixtures.INITECH;
import static io.offerdesk.invoicing.FinanceFixtures.NIMBUS;
import static io.offerdesk.invoicing.FinanceFixtures.NORTHWIND;
import static io.offerdesk.invoicing.FinanceFixtures.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.invoicing.CollectionFixtures.Buyer;
import io.offerdesk.invoicing.internal.finance.InvoiceExports;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.offers.ResaleOfferFixtures;
import io.offerdesk.support.CsvRecords;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The finance API over invoices the invoicing run made: lists with their filters and pages, one invoice, CSV exports
 * read back, and an agreement's invoice line items grouped by invoice. Every other party is told nothing exists.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 14)
@EndToEndTest
class FinanceApiTests {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    FinanceFixtures fixtures;
    Buyer buyer;
    String buyerEmail;

    @BeforeEach
    void fixtures() {
        fixtures = new FinanceFixtures(api, jdbc);
        buyer = fixtures.buyer();
        buyerEmail = buyer.procurement();
    }

    @Test
    void theBuyerItsSellerOfRecordAndTheOperatorReadTheInvoiceAndNoOtherPartyFindsIt() {
        var agreementId = fixtures.agreement(AUTHOR, buyer);
        var first = fixtures.installments(buyer, agreementId).getFirst();
        var po = api.put("/api/v1/buyer/purchase-orders", buyerEmail, """
                {"purchaseOrders":[{"agreementId":"%s","chargeId":"%s","purchaseOrderReference":"PO 7, \\"rush\\""}]}""".formatted(
                        agreementId, first.at("/id").asString()));
        assertThat(po.status()).as(po.body()).isEqualTo(204);
        var due = fixtures.invoiceInstallment(first);
        var invoiceId = fixtures.invoiceIds(AUTHOR, agreementId).getFirst();
        var invoiceDate = LocalDate.ofInstant(due, ZoneOffset.UTC);

        var read = api.get("/api/v1/invoices/" + invoiceId, buyer.finance());

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        var invoice = read.json().at("/invoice");
        assertThat(invoice.at("/invoiceId").asString()).isEqualTo(invoiceId);
        assertThat(invoice.at("/invoiceNumber").asString()).matches("INV-\\d{8}");
        assertThat(invoice.at("/invoiceType").asString()).isEqualTo("INVOICE");
        assertThat(invoice.at("/status").asString()).isEqualTo("OPEN");
        assertThat(invoice.at("/invoicingEntity/legalName").asString()).isEqualTo("Offerdesk Marketplace");
        assertThat(invoice.at("/sellerOfRecord/name").asString()).isEqualTo("Acme Analytics");
        assertThat(invoice.at("/buyer/name").asString()).startsWith("Collections buyer");
        assertThat(invoice.at("/buyer/partyId").asString())
                .isEqualTo(buyer.partyId().toString());
        assertThat(invoice.at("/buyerAccountId").asString()).isEqualTo(buyer.accountId());
        assertThat(invoice.at("/invoiceDate").asString()).isEqualTo(invoiceDate.toString());
        assertThat(invoice.at("/dueDate").asString())
                .isEqualTo(invoiceDate.plusDays(30).toString());
        assertThat(invoice.at("/currencyCode").asString()).isEqualTo("USD");
        assertThat(invoice.at("/subtotal").asString()).isEqualTo("1000.00");
        assertThat(invoice.at("/tax/amount").asString()).isEqualTo("0.00");
        assertThat(invoice.at("/total").asString()).isEqualTo("1000.00");
        assertThat(invoice.at("/paid").asString()).isEqualTo("0.00");
        assertThat(invoice.at("/open").asString()).isEqualTo("1000.00");
        var line = read.json().at("/lines/0");
        assertThat(line.at("/agreementId").asString()).isEqualTo(agreementId);
        assertThat(line.at("/chargeId").asString()).isEqualTo(first.at("/id").asString());
        assertThat(line.at("/purchaseOrderReference").asString()).isEqualTo("PO 7, \"rush\"");
        assertThat(line.at("/amount").asString()).isEqualTo("1000.00");
        assertThat(read.json().at("/creditMemoIds").size()).isZero();

        assertThat(api.get("/api/v1/invoices/" + invoiceId, AUTHOR).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/invoices/" + invoiceId, ACME_FINANCE).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/invoices/" + invoiceId, OPERATOR).status()).isEqualTo(200);
        for (var stranger : List.of(GLOBEX, INITECH, NIMBUS, NORTHWIND)) {
            var refused = api.get("/api/v1/invoices/" + invoiceId, stranger);
            assertThat(refused.status()).as(stranger).isEqualTo(404);
            assertThat(ids(api.get(
                                    "/api/v1/invoices?issuedFrom=%s&issuedTo=%s&limit=100"
                                            .formatted(invoiceDate, invoiceDate),
                                    stranger)
                            .json()))
                    .as(stranger)
                    .doesNotContain(invoiceId);
            assertThat(api.get("/api/v1/agreements/" + agreementId + "/invoice-line-items", stranger)
                            .status())
                    .as(stranger)
                    .isEqualTo(404);
        }
        var missing = api.get("/api/v1/invoices/inv-doesnotexist00000", buyerEmail);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).contains("application/problem+json");
    }

    @Test
    void theFiltersNarrowTheListAndItsPagesGoOn() {
        var invoiced = fixtures.invoiced(buyer);
        var day = invoiced.invoiceDate();
        var sameDay = "/api/v1/invoices?issuedFrom=%s&issuedTo=%s&limit=100".formatted(day, day);

        assertThat(ids(api.get(sameDay, buyerEmail).json())).contains(invoiced.invoiceId());
        assertThat(ids(api.get(sameDay, AUTHOR).json())).contains(invoiced.invoiceId());
        assertThat(ids(api.get(sameDay, OPERATOR).json())).contains(invoiced.invoiceId());
        assertThat(ids(api.get(sameDay + "&status=OPEN&type=INVOICE&buyerAccountId=" + buyer.accountId(), buyerEmail)
                        .json()))
                .contains(invoiced.invoiceId());
        var acme = api.get("/api/v1/invoices/" + invoiced.invoiceId(), buyerEmail)
                .json()
                .at("/invoice/sellerOfRecord/partyId")
                .asString();
        assertThat(ids(api.get(sameDay + "&sellerPartyId=" + acme, buyerEmail).json()))
                .contains(invoiced.invoiceId());

        assertThat(ids(api.get(sameDay + "&status=PAID", buyerEmail).json())).doesNotContain(invoiced.invoiceId());
        assertThat(ids(api.get(sameDay + "&status=OVERDUE", buyerEmail).json())).doesNotContain(invoiced.invoiceId());
        assertThat(ids(api.get(sameDay + "&type=CREDIT_MEMO", buyerEmail).json()))
                .doesNotContain(invoiced.invoiceId());
        assertThat(ids(api.get(sameDay + "&buyerAccountId=400000000002", buyerEmail)
                        .json()))
                .doesNotContain(invoiced.invoiceId());
        assertThat(ids(api.get(sameDay + "&sellerPartyId=" + UUID.randomUUID(), buyerEmail)
                        .json()))
                .isEmpty();
        var before = LocalDate.parse(day).minusDays(1);
        assertThat(ids(api.get("/api/v1/invoices?issuedTo=" + before + "&limit=100", buyerEmail)
                        .json()))
                .doesNotContain(invoiced.invoiceId());

        // Every invoice of the day is on one of the pages of one, and only once.
        var paged = new ArrayList<String>();
        var offset = 0;
        var more = true;
        while (more) {
            var page = api.get(sameDay.replace("limit=100", "limit=1") + "&offset=" + offset, buyerEmail)
                    .json();
            assertThat(page.at("/invoices").size()).isLessThanOrEqualTo(1);
            paged.addAll(ids(page));
            more = page.at("/more").asBoolean();
            offset++;
        }
        assertThat(paged)
                .doesNotHaveDuplicates()
                .containsExactlyElementsOf(ids(api.get(sameDay, buyerEmail).json()));

        assertThat(api.get("/api/v1/invoices?limit=0", buyerEmail).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/invoices?limit=101", buyerEmail).status()).isEqualTo(422);
        var badAccount = api.get("/api/v1/invoices?buyerAccountId=12345", buyerEmail);
        assertThat(badAccount.status()).isEqualTo(422);
        assertThat(badAccount.json().at("/errors/0/field").asString()).isEqualTo("buyerAccountId");
        var backwards = api.get("/api/v1/invoices?issuedFrom=2030-02-01&issuedTo=2030-01-01", buyerEmail);
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().at("/errors/0/field").asString()).isEqualTo("issuedTo");
        assertThat(api.get("/api/v1/invoices?status=SETTLED", buyerEmail).status())
                .isEqualTo(400);
    }

    @Test
    void theCsvExportsReadBackFieldForFieldWithTheListsFilters() {
        var agreementId = fixtures.agreement(AUTHOR, buyer);
        var first = fixtures.installments(buyer, agreementId).getFirst();
        var reference = "PO 8, \"urgent\"\nsecond line";
        var po = api.put("/api/v1/buyer/purchase-orders", buyerEmail, """
                {"purchaseOrders":[{"agreementId":"%s","chargeId":"%s","purchaseOrderReference":"PO 8, \\"urgent\\"\\nsecond line"}]}""".formatted(
                        agreementId, first.at("/id").asString()));
        assertThat(po.status()).as(po.body()).isEqualTo(204);
        var due = fixtures.invoiceInstallment(first);
        var invoiceId = fixtures.invoiceIds(AUTHOR, agreementId).getFirst();
        var day = due.toString().substring(0, 10);
        var query = "?issuedFrom=%s&issuedTo=%s&buyerAccountId=%s".formatted(day, day, buyer.accountId());

        var invoices = api.get("/api/v1/invoices.csv" + query, buyerEmail);

        assertThat(invoices.status()).as(invoices.body()).isEqualTo(200);
        assertThat(invoices.contentType()).startsWith("text/csv");
        assertThat(CsvRecords.parse(invoices.body()).getFirst()).isEqualTo(InvoiceExports.INVOICE_COLUMNS);
        var rows = CsvRecords.rows(invoices.body());
        assertThat(rows).extracting(r -> r.get("invoice_date")).containsOnly(day);
        assertThat(rows)
                .extracting(r -> r.get("invoice_id"))
                .containsExactlyElementsOf(ids(api.get("/api/v1/invoices" + query + "&limit=100", buyerEmail)
                        .json()));
        var row = only(rows, "invoice_id", invoiceId);
        var json = api.get("/api/v1/invoices/" + invoiceId, buyerEmail).json().at("/invoice");
        assertThat(row.get("buyer")).startsWith("Collections buyer");
        assertThat(row.get("invoice_number"))
                .isEqualTo(json.at("/invoiceNumber").asString());
        assertThat(row)
                .containsEntry("invoice_type", "INVOICE")
                .containsEntry("status", "OPEN")
                .containsEntry("buyer_account_id", buyer.accountId())
                .containsEntry("seller_of_record", "Acme Analytics")
                .containsEntry("invoicing_entity", "Offerdesk Marketplace")
                .containsEntry("currency", "USD")
                .containsEntry("subtotal", "1000.00")
                .containsEntry("tax", "0.00")
                .containsEntry("total", "1000.00")
                .containsEntry("paid", "0.00")
                .containsEntry("open", "1000.00")
                .containsEntry("due_date", json.at("/dueDate").asString());
        assertThat(CsvRecords.rows(api.get("/api/v1/invoices.csv" + query + "&status=PAID", buyerEmail)
                        .body()))
                .extracting(r -> r.get("invoice_id"))
                .doesNotContain(invoiceId);
        assertThat(CsvRecords.rows(
                        api.get("/api/v1/invoices.csv" + query, INITECH).body()))
                .isEmpty();

        var lines = api.get("/api/v1/invoice-lines.csv" + query, buyerEmail);
        assertThat(lines.status()).isEqualTo(200);
        assertThat(CsvRecords.parse(lines.body()).getFirst()).isEqualTo(InvoiceExports.LINE_COLUMNS);
        var line = only(CsvRecords.rows(lines.body()), "invoice_id", invoiceId);
        assertThat(line)
                .containsEntry("agreement_id", agreementId)
                .containsEntry("charge_id", first.at("/id").asString())
                .containsEntry("purchase_order_reference", reference)
                .containsEntry("amount", "1000.00")
                .containsEntry("line_no", "1");
        var sellerLines = CsvRecords.parse(
                api.get("/api/v1/invoice-lines.csv" + query, AUTHOR).body());
        assertThat(sellerLines.getFirst()).endsWith(InvoiceExports.WHOLESALE_COLUMN);
        assertThat(api.get("/api/v1/invoices.csv?buyerAccountId=x", buyerEmail).status())
                .isEqualTo(422);
    }

    @Test
    void anAgreementsLineItemsAreGroupedByInvoiceWithItsFilters() {
        var agreementId = fixtures.agreement(AUTHOR, buyer);
        var installments = fixtures.installments(buyer, agreementId);
        var firstDue = fixtures.invoiceInstallment(installments.get(0));
        var secondDue = fixtures.invoiceInstallment(installments.get(1));
        var path = "/api/v1/agreements/" + agreementId + "/invoice-line-items";

        var all = api.get(path, AUTHOR);

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        var groups = groups(all.json());
        assertThat(groups).hasSize(2);
        var second = groups.get(1);
        assertThat(second.at("/agreementId").asString()).isEqualTo(agreementId);
        assertThat(second.at("/invoiceType").asString()).isEqualTo("INVOICE");
        assertThat(second.at("/pricingCurrencyAmount/amount").asString()).isEqualTo("1000.00");
        assertThat(second.at("/pricingCurrencyAmount/maxAdjustmentAmount").asString())
                .isEqualTo("1000.00");
        assertThat(second.at("/pricingCurrencyAmount/currencyCode").asString()).isEqualTo("USD");
        var secondDay = LocalDate.ofInstant(secondDue, ZoneOffset.UTC);
        assertThat(second.at("/invoiceBillingPeriod/month").asInt()).isEqualTo(secondDay.getMonthValue());
        assertThat(second.at("/invoiceBillingPeriod/year").asInt()).isEqualTo(secondDay.getYear());
        assertThat(second.at("/invoicingEntity/legalName").asString()).isEqualTo("Offerdesk Marketplace");
        var firstIssued = groups.get(0).at("/issuedTime").asString();
        assertThat(Instant.parse(firstIssued)).isAfterOrEqualTo(firstDue);
        assertThat(Instant.parse(second.at("/issuedTime").asString())).isAfter(Instant.parse(firstIssued));

        var byPeriod = groups(api.get(
                        path
                                + "?billingPeriodMonth=%d&billingPeriodYear=%d"
                                        .formatted(secondDay.getMonthValue(), secondDay.getYear()),
                        AUTHOR)
                .json());
        assertThat(byPeriod)
                .extracting(g -> g.at("/invoiceId").asString())
                .containsExactly(second.at("/invoiceId").asString());
        assertThat(groups(api.get(path + "?afterIssuedTime=" + firstIssued, AUTHOR)
                        .json()))
                .extracting(g -> g.at("/invoiceId").asString())
                .containsExactly(second.at("/invoiceId").asString());
        assertThat(groups(api.get(path + "?beforeIssuedTime=" + firstIssued, AUTHOR)
                        .json()))
                .isEmpty();
        assertThat(groups(api.get(
                                path + "?invoiceId="
                                        + groups.get(0).at("/invoiceId").asString(),
                                AUTHOR)
                        .json()))
                .hasSize(1);
        assertThat(groups(api.get(path + "?invoiceType=CREDIT_MEMO", AUTHOR).json()))
                .isEmpty();
        var page = api.get(path + "?limit=1", AUTHOR).json();
        assertThat(groups(page)).hasSize(1);
        assertThat(page.at("/more").asBoolean()).isTrue();
        assertThat(groups(api.get(path, buyerEmail).json())).hasSize(2);
        assertThat(groups(api.get(path, OPERATOR).json())).hasSize(2);

        var groupBy = api.get(path + "?groupBy=AGREEMENT_ID", AUTHOR);
        assertThat(groupBy.status()).isEqualTo(422);
        assertThat(groupBy.json().at("/errors/0/field").asString()).isEqualTo("groupBy");
        var halfPeriod = api.get(path + "?billingPeriodMonth=3", AUTHOR);
        assertThat(halfPeriod.status()).isEqualTo(422);
        assertThat(halfPeriod.json().at("/errors/0/field").asString()).isEqualTo("invoiceBillingPeriod");
        assertThat(api.get(path + "?billingPeriodMonth=13&billingPeriodYear=2030", AUTHOR)
                        .status())
                .isEqualTo(422);
        assertThat(api.get(path + "?limit=51", AUTHOR).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/agreements/agmt-unknown/invoice-line-items", AUTHOR)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theRevenueSeriesFollowsWhatWasBilledCollectedAndLeftOpenToTheCent() {
        var seller = fixtures.seller();
        var agreementId = fixtures.agreement(seller, buyer);
        var installments = fixtures.installments(buyer, agreementId);
        var first = fixtures.invoiceInstallment(installments.get(0));
        var firstInvoice = fixtures.invoiceIds(seller, agreementId).get(0);
        var paid = api.post("/api/v1/buyer/invoices/" + firstInvoice + "/pay", buyer.finance(), "");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        var second = fixtures.invoiceInstallment(installments.get(1));
        var secondInvoice = fixtures.invoiceIds(seller, agreementId).get(1);
        var part = fixtures.collections().pay(OPERATOR, secondInvoice, "250.55", "wire 42");
        assertThat(part.status()).as(part.body()).isEqualTo(201);
        var third = fixtures.invoiceInstallment(installments.get(2));
        var a = YearMonth.from(first.atZone(ZoneOffset.UTC));
        var b = YearMonth.from(second.atZone(ZoneOffset.UTC));
        var c = YearMonth.from(third.atZone(ZoneOffset.UTC));
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();

        var revenue = api.get("/api/v1/finance/revenue?from=%s&to=%s".formatted(a.minusMonths(1), c), seller);

        assertThat(revenue.status()).as(revenue.body()).isEqualTo(200);
        assertThat(revenue.json().at("/from").asString())
                .isEqualTo(a.minusMonths(1).toString());
        assertThat(revenue.json().at("/currencies").size()).isEqualTo(1);
        var usd = revenue.json().at("/currencies/0");
        assertThat(usd.at("/currencyCode").asString()).isEqualTo("USD");
        assertThat(months(usd))
                .containsExactly(
                        List.of(a.minusMonths(1).toString(), "0.00", "0.00", "0.00", "0.00", "0.00"),
                        List.of(a.toString(), "1000.00", "0.00", "1000.00", "0.00", "0.00"),
                        List.of(b.toString(), "1000.00", "0.00", "250.55", "749.45", "0.00"),
                        List.of(c.toString(), "1000.00", "0.00", "0.00", "1749.45", "0.00"));
        assertThat(usd.at("/open").asString()).isEqualTo("1749.45");
        // The second invoice is due thirty days after its date; today is the third installment's date.
        var secondDue = LocalDate.ofInstant(second, ZoneOffset.UTC).plusDays(30);
        var secondLate = LocalDate.ofInstant(third, ZoneOffset.UTC).isAfter(secondDue);
        assertThat(usd.at("/aging/CURRENT").asString()).isEqualTo(secondLate ? "1000.00" : "1749.45");
        assertThat(usd.at("/aging/DAYS_1_30").asString()).isEqualTo(secondLate ? "749.45" : "0.00");
        assertThat(usd.at("/aging/DAYS_31_60").asString()).isEqualTo("0.00");
        assertThat(usd.at("/aging/DAYS_61_90").asString()).isEqualTo("0.00");
        assertThat(usd.at("/aging/OVER_90").asString()).isEqualTo("0.00");

        // Months before the range open it with what was then owed.
        var later = api.get("/api/v1/finance/revenue?from=%s&to=%s".formatted(c, c), seller)
                .json();
        assertThat(months(later.at("/currencies/0")))
                .containsExactly(List.of(c.toString(), "1000.00", "0.00", "0.00", "1749.45", "0.00"));
        var operator = api.get("/api/v1/finance/revenue?from=%s&to=%s".formatted(c, c), OPERATOR);
        assertThat(operator.status()).isEqualTo(200);
        // The operator reads every seller's invoices, in every currency the other tests billed in.
        var operatorUsd = operator.json()
                .at("/currencies")
                .valueStream()
                .filter(currency -> currency.at("/currencyCode").asString().equals("USD"))
                .findFirst()
                .orElseThrow();
        assertThat(new BigDecimal(operatorUsd.at("/months/0/billed").asString()))
                .isGreaterThanOrEqualTo(new BigDecimal("1000.00"));
        assertThat(api.get("/api/v1/finance/revenue", buyer.finance()).status()).isEqualTo(403);
        var backwards = api.get("/api/v1/finance/revenue?from=%s&to=%s".formatted(c, a), seller);
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().at("/errors/0/field").asString()).isEqualTo("to");
        assertThat(api.get("/api/v1/finance/revenue?from=2030-01&to=2035-01", seller)
                        .status())
                .isEqualTo(422);
        assertThat(api.get("/api/v1/finance/revenue?from=2030-13", seller).status())
                .isEqualTo(400);
    }

    @Test
    void thePagesShowTheInvoicesToTheirReadersOnlyAndDownloadWhatTheListShows() {
        var invoiced = fixtures.invoiced(buyer);
        var id = invoiced.invoiceId();
        var finance = new SignedInSession(api, buyer.finance(), FinanceFixtures.PASSWORD);

        var list = finance.get("/buyer/invoices?lang=en");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(text(list)).contains("data-invoice-id=\"" + id + "\"").contains("download-invoices");
        var page = finance.get("/buyer/invoices/" + id + "?lang=zh-CN");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page))
                .contains(api.get("/api/v1/invoices/" + id, buyerEmail)
                        .json()
                        .at("/invoice/invoiceNumber")
                        .asString())
                .contains("下载 PDF")
                .contains("/invoices/" + id + "/collection");
        assertThat(finance.get("/seller/invoices")
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/buyer/invoices");
        var pdf = finance.get("/buyer/invoices/" + id + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        var day = invoiced.invoiceDate();
        var csv = finance.get("/buyer/invoices.csv?issuedFrom=%s&issuedTo=%s".formatted(day, day));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(CsvRecords.rows(text(csv)))
                .extracting(r -> r.get("invoice_id"))
                .containsExactly(id);
        var lines = finance.get("/buyer/invoices/lines.csv?issuedFrom=%s&issuedTo=%s".formatted(day, day));
        assertThat(CsvRecords.rows(text(lines)))
                .extracting(r -> r.get("agreement_id"))
                .containsExactly(invoiced.agreementId());
        assertThat(finance.get("/buyer/invoices.csv?status=SETTLED").statusCode())
                .isEqualTo(422);
        assertThat(text(finance.get("/buyer/invoices?status=SETTLED"))).contains("filter-refusal");
        var fragment = finance.get("/buyer/agreements/" + invoiced.agreementId() + "/invoice-line-items");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(text(fragment)).contains(id).doesNotContain("group-adjustable");

        var author = new SignedInSession(api, AUTHOR, "offerdesk-demo");
        assertThat(author.get("/seller/invoices/" + id).statusCode()).isEqualTo(200);
        assertThat(text(author.get("/agreements/" + invoiced.agreementId() + "/invoice-line-items")))
                .contains(id)
                .contains("group-adjustable");
        assertThat(author.get("/buyer/invoices/" + id)
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/seller/invoices/" + id);
        var revenue = author.get("/seller/revenue?lang=en");
        assertThat(revenue.statusCode()).isEqualTo(200);
        assertThat(text(revenue)).contains("revenue-chart-USD").contains("aging-chart-USD");

        var initech = new SignedInSession(api, INITECH, "offerdesk-demo");
        assertThat(initech.get("/buyer/invoices/" + id).statusCode()).isEqualTo(404);
        assertThat(initech.get("/buyer/invoices/" + id + "/pdf").statusCode()).isEqualTo(404);
        assertThat(initech.get("/buyer/agreements/" + invoiced.agreementId() + "/invoice-line-items")
                        .statusCode())
                .isEqualTo(404);
        assertThat(text(initech.get("/buyer/invoices"))).doesNotContain(id);
        var nimbus = new SignedInSession(api, NIMBUS, "offerdesk-demo");
        assertThat(nimbus.get("/seller/invoices/" + id).statusCode()).isEqualTo(404);
        assertThat(text(nimbus.get("/seller/invoices"))).doesNotContain(id);
    }

    @Test
    void theIsvReadsItsResoldProductsLinesAsWholesaleAndNeverThePartnersInvoice() {
        var resale = new ResaleOfferFixtures(api);
        var product = new AgreementFixtures(api).saasProduct();
        var offerId = resale.cppoDraft(resale.authorization(product, 30), "8", true);
        resale.succeeded(
                ResaleOfferFixtures.PARTNER, List.of(OfferFixtures.change("ReleaseOffer", offerId, null, "{}")));
        var bought = new AgreementFixtures(api).buy(offerId);
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        var agreementId = bought.json().at("/agreementId").asString();
        var installment = fixtures.collections().charges(GLOBEX, agreementId).stream()
                .filter(c -> !c.at("/amount").asString().equals("0.00"))
                .findFirst()
                .orElseThrow();
        assertThat(installment.at("/amount").asString()).isEqualTo("1080.00");
        var due = fixtures.invoiceInstallment(installment);
        var path = "/api/v1/agreements/" + agreementId + "/invoice-line-items";

        var partner = groups(api.get(path, ResaleOfferFixtures.PARTNER).json());
        var isv = groups(api.get(path, AUTHOR).json());

        assertThat(partner).singleElement().satisfies(g -> {
            assertThat(g.at("/pricingCurrencyAmount/amount").asString()).isEqualTo("1080.00");
            assertThat(g.at("/pricingCurrencyAmount/maxAdjustmentAmount").asString())
                    .isEqualTo("1080.00");
        });
        var invoiceId = partner.getFirst().at("/invoiceId").asString();
        assertThat(isv).singleElement().satisfies(g -> {
            assertThat(g.at("/invoiceId").asString()).isEqualTo(invoiceId);
            assertThat(g.at("/pricingCurrencyAmount/amount").asString()).isEqualTo("1000.00");
            assertThat(g.at("/pricingCurrencyAmount/maxAdjustmentAmount").asString())
                    .isEqualTo("0.00");
        });
        assertThat(groups(api.get(path, GLOBEX).json())
                        .getFirst()
                        .at("/pricingCurrencyAmount/amount")
                        .asString())
                .isEqualTo("1080.00");
        assertThat(api.get("/api/v1/invoices/" + invoiceId, AUTHOR).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/invoices/" + invoiceId, ResaleOfferFixtures.PARTNER)
                        .json()
                        .at("/lines/0/wholesaleAmount")
                        .asString())
                .isEqualTo("1000.00");
        assertThat(api.get("/api/v1/invoices/" + invoiceId, GLOBEX)
                        .json()
                        .at("/lines/0/wholesaleAmount")
                        .isNull())
                .isTrue();
        var month = YearMonth.from(due.atZone(ZoneOffset.UTC));
        var resold = api.get("/api/v1/finance/revenue?from=%s&to=%s".formatted(month, month), AUTHOR)
                .json();
        var usd = StreamSupport.stream(resold.at("/currencies").spliterator(), false)
                .filter(c -> c.at("/currencyCode").asString().equals("USD"))
                .findFirst()
                .orElseThrow();
        // Other tests' resold lines may fall in the same month; this one's wholesale is among them.
        assertThat(new BigDecimal(usd.at("/months/0/resoldWholesale").asString()))
                .isGreaterThanOrEqualTo(new BigDecimal("1000.00"));
        var partnerRevenue = api.get(
                        "/api/v1/finance/revenue?from=%s&to=%s".formatted(month, month), ResaleOfferFixtures.PARTNER)
                .json();
        assertThat(partnerRevenue.at("/currencies/0/months/0/resoldWholesale").asString())
                .isEqualTo("0.00");
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static List<List<String>> months(JsonNode currency) {
        return StreamSupport.stream(currency.at("/months").spliterator(), false)
                .map(m -> List.of(
                        m.at("/month").asString(),
                        m.at("/billed").asString(),
                        m.at("/credited").asString(),
                        m.at("/collected").asString(),
                        m.at("/openAtEnd").asString(),
                        m.at("/resoldWholesale").asString()))
                .toList();
    }

    static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.at("/invoices").spliterator(), false)
                .map(i -> i.at("/invoiceId").asString())
                .toList();
    }

    static List<JsonNode> groups(JsonNode page) {
        return StreamSupport.stream(
                        page.at("/agreementInvoiceLineItemGroupSummaries").spliterator(), false)
                .toList();
    }

    static Map<String, String> only(List<Map<String, String>> rows, String column, String value) {
        var matching = rows.stream().filter(r -> value.equals(r.get(column))).toList();
        assertThat(matching).as(column + "=" + value).hasSize(1);
        return matching.getFirst();
    }
}
