package io.offerdesk.invoicing;

import static io.offerdesk.invoicing.AdjustmentFixtures.ACME_FINANCE;
import static io.offerdesk.invoicing.AdjustmentFixtures.NIMBUS;
import static io.offerdesk.invoicing.AdjustmentFixtures.OPERATOR;
import static io.offerdesk.invoicing.AdjustmentFixtures.entry;
import static io.offerdesk.invoicing.AdjustmentFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.JournalEntry;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.Posting;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.offers.ResaleOfferFixtures;
import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Billing adjustments end to end: refunds against unpaid, partly paid, paid and resold invoices, each completed by a
 * credit memo with the money moved to the cent; every rule of an entry; the client token; and who may see what.
 */
// Moves the shared simulated clock forward (a minute per invoice it issues): runs after the tests that do not.
@Order(Order.DEFAULT + 12)
@EndToEndTest
class BillingAdjustmentTests {

    static final CurrencyUnit USD = CurrencyUnit.USD;

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Invoices invoices;

    @Autowired
    PrincipalSource principals;

    AdjustmentFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AdjustmentFixtures(api, jdbc);
    }

    static Money usd(String amount) {
        return Money.parse("USD " + amount);
    }

    UUID partyOf(String email) {
        return principals.findLogin(email).orElseThrow().principal().partyId();
    }

    Money net(UUID party, AccountRole role) {
        return ledger.balance(new LedgerAccount(party, role, USD)).net();
    }

    JsonNode balance(String invoiceId) {
        return api.get("/api/v1/invoices/" + invoiceId + "/balance", OPERATOR).json();
    }

    List<Posting> postings(String key) {
        return ledger.entry(key).map(JournalEntry::postings).orElseThrow();
    }

    Invoice creditMemo(JsonNode request) {
        assertThat(request.at("/status").asString()).as(request.toString()).isEqualTo("COMPLETED");
        return invoices.find(request.at("/creditMemoId").asString()).orElseThrow();
    }

    LedgerAccount marketplace(AccountRole role) {
        return LedgerAccount.marketplace(role, USD);
    }

    @Test
    void whatTheBuyerOwesIsCreditedAndWhatTheBuyerPaidIsRefundedToTheCent() {
        // Three buyers each owe 1,000.00 + 25% tax = 1,250.00.
        var issued = fixtures.invoiced(List.of("1000.00", "1000.00", "1000.00"));
        var unpaid = issued.get(0);
        var partlyPaid = issued.get(1);
        var paid = issued.get(2);
        var acme = partyOf(ACME_FINANCE);
        var clearing = marketplace(AccountRole.MARKETPLACE_CLEARING);
        var taxPayable = marketplace(AccountRole.TAX_PAYABLE);
        var cash = marketplace(AccountRole.MARKETPLACE_CASH);
        var acmePayable = new LedgerAccount(acme, AccountRole.SELLER_PAYABLE, USD);
        assertThat(invoices.find(unpaid.invoiceId()).orElseThrow().total()).isEqualTo(usd("1250.00"));

        // Unpaid: the credit lowers what the buyer owes, 400.00 net and 100.00 tax, and nothing is refunded.
        var first = fixtures.refund(unpaid, "500.00");
        var memo = creditMemo(first);
        var original = invoices.find(unpaid.invoiceId()).orElseThrow();
        assertThat(memo.type()).isEqualTo(InvoiceType.CREDIT_MEMO);
        assertThat(memo.originalInvoiceId()).isEqualTo(unpaid.invoiceId());
        assertThat(memo.invoicingEntity()).isEqualTo(original.invoicingEntity());
        assertThat(memo.number()).isGreaterThan(original.number());
        assertThat(memo.buyerPartyId()).isEqualTo(unpaid.ownBuyer().partyId());
        assertThat(List.of(memo.subtotal(), memo.tax(), memo.total()))
                .containsExactly(usd("400.00"), usd("100.00"), usd("500.00"));
        assertThat(memo.lines()).singleElement().satisfies(line -> {
            assertThat(line.lineNo()).isEqualTo(1);
            assertThat(line.agreementId()).isEqualTo(unpaid.agreementId());
            assertThat(line.amount()).isEqualTo(usd("400.00"));
            assertThat(line.tax()).isEqualTo(usd("100.00"));
            assertThat(line.chargeId()).isNull();
        });
        var receivable = new LedgerAccount(unpaid.ownBuyer().partyId(), AccountRole.BUYER_RECEIVABLE, USD);
        assertThat(postings("credit-memo:" + memo.id()))
                .containsExactly(
                        new Posting(clearing, receivable, usd("400.00")),
                        new Posting(taxPayable, receivable, usd("100.00")));
        assertThat(ledger.entry("refund:" + memo.id())).isEmpty();
        assertThat(balance(unpaid.invoiceId()).at("/credited").asString()).isEqualTo("500.00");
        assertThat(balance(unpaid.invoiceId()).at("/open").asString()).isEqualTo("750.00");
        assertThat(net(unpaid.ownBuyer().partyId(), AccountRole.BUYER_RECEIVABLE))
                .isEqualTo(usd("750.00"));
        // The rest is all that is left; then the invoice is credited in full and the buyer owes nothing.
        creditMemo(fixtures.refund(unpaid, "750.00"));
        assertThat(balance(unpaid.invoiceId()).at("/status").asString()).isEqualTo("CREDITED");
        assertThat(net(unpaid.ownBuyer().partyId(), AccountRole.BUYER_RECEIVABLE))
                .isEqualTo(Money.zero(USD));

        // Partly paid, 1,000.00 of 1,250.00: 250.00 is credited and 250.00 refunded; Acme gives back its share of
        // the refund, 200.00 of the 800.00 net the payment brought it, and the marketplace gives back the same
        // quarter of the listing fee Acme paid on it: 3% (a private offer below $1M) of 800.00 is 24.00, a quarter
        // of that 6.00 (ADR 0019).
        var fees = marketplace(AccountRole.FEE_REVENUE);
        var partFee = usd("800.00").multipliedBy(new BigDecimal("0.03"), RoundingMode.DOWN);
        assertThat(partFee).isEqualTo(usd("24.00"));
        var paying =
                fixtures.collections().pay(partlyPaid.ownBuyer().finance(), partlyPaid.invoiceId(), "1000.00", "wire");
        assertThat(paying.status()).as(paying.body()).isEqualTo(201);
        var partial = creditMemo(fixtures.refund(partlyPaid, "500.00"));
        var partlyReceivable = new LedgerAccount(partlyPaid.ownBuyer().partyId(), AccountRole.BUYER_RECEIVABLE, USD);
        var partlyCredit = new LedgerAccount(partlyPaid.ownBuyer().partyId(), AccountRole.BUYER_CREDIT, USD);
        assertThat(postings("credit-memo:" + partial.id()))
                .containsExactly(
                        new Posting(acmePayable, clearing, usd("200.00")),
                        new Posting(fees, acmePayable, partFee.dividedBy(4, RoundingMode.DOWN)),
                        new Posting(clearing, partlyReceivable, usd("200.00")),
                        new Posting(taxPayable, partlyReceivable, usd("50.00")),
                        new Posting(clearing, partlyCredit, usd("200.00")),
                        new Posting(taxPayable, partlyCredit, usd("50.00")));
        assertThat(postings("refund:" + partial.id())).containsExactly(new Posting(partlyCredit, cash, usd("250.00")));
        var partlyBalance = balance(partlyPaid.invoiceId());
        assertThat(List.of(
                        partlyBalance.at("/paid").asString(),
                        partlyBalance.at("/credited").asString(),
                        partlyBalance.at("/refunded").asString(),
                        partlyBalance.at("/open").asString()))
                .containsExactly("1000.00", "500.00", "250.00", "0.00");
        assertThat(net(partlyPaid.ownBuyer().partyId(), AccountRole.BUYER_RECEIVABLE))
                .isEqualTo(Money.zero(USD));
        assertThat(net(partlyPaid.ownBuyer().partyId(), AccountRole.BUYER_CREDIT))
                .isEqualTo(Money.zero(USD));

        // Paid in full and refunded in full: Acme gives back all 1,000.00 net and gets back all of its 30.00 fee
        // (3% of 1,000.00), the tax authority's 250.00 is owed no more, and the buyer gets all 1,250.00 back.
        var settled = fixtures.collections().pay(paid.ownBuyer().finance(), paid.invoiceId(), "1250.00", "wire");
        assertThat(settled.status()).as(settled.body()).isEqualTo(201);
        var full = creditMemo(fixtures.refund(paid, "1250.00"));
        assertThat(List.of(full.subtotal(), full.tax(), full.total()))
                .containsExactly(usd("1000.00"), usd("250.00"), usd("1250.00"));
        var paidCredit = new LedgerAccount(paid.ownBuyer().partyId(), AccountRole.BUYER_CREDIT, USD);
        assertThat(postings("credit-memo:" + full.id()))
                .containsExactly(
                        new Posting(acmePayable, clearing, usd("1000.00")),
                        new Posting(
                                fees,
                                acmePayable,
                                usd("1000.00").multipliedBy(new BigDecimal("0.03"), RoundingMode.DOWN)),
                        new Posting(clearing, paidCredit, usd("1000.00")),
                        new Posting(taxPayable, paidCredit, usd("250.00")));
        assertThat(postings("refund:" + full.id())).containsExactly(new Posting(paidCredit, cash, usd("1250.00")));
        assertThat(balance(paid.invoiceId()).at("/refunded").asString()).isEqualTo("1250.00");
        assertThat(balance(paid.invoiceId()).at("/status").asString()).isEqualTo("CREDITED");
        // Nothing more may be refunded than was paid: the invoice has nothing left.
        var more = fixtures.batch(ACME_FINANCE, entry(paid, "0.01", "OTHER", token()));
        assertThat(more.json().at("/errors/0/fields/0/code").asString()).isEqualTo("adjustment.exceedsAdjustable");
        // The buyer reads its credit memo like an invoice.
        var pdf = api.get(
                "/api/v1/invoices/" + full.id() + "/pdf", paid.ownBuyer().finance());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).contains("application/pdf");
    }

    @Test
    void aResoldInvoiceTakesBackTheIsvsAndThePartnersSharesInProportion() {
        var resold = fixtures.resold();
        var invoice = invoices.find(resold.invoiceId()).orElseThrow();
        assertThat(invoice.sellerPartyId()).isEqualTo(partyOf(ResaleOfferFixtures.PARTNER));
        var line = invoice.lines().getFirst();
        assertThat(line.amount()).isEqualTo(usd("1036.80"));
        assertThat(line.wholesaleAmount()).isEqualTo(usd("960.00"));
        var paid = api.post("/api/v1/invoices/" + invoice.id() + "/payments", "finance@globex.example", """
                {"amount":"%s","currencyCode":"USD","reference":"wire"}""".formatted(
                        invoice.total().getAmount()));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        var half = invoice.total().dividedBy(2, RoundingMode.DOWN);

        var created = fixtures.batch(
                "finance@northwind.example", entry(resold, half.getAmount().toPlainString(), "OTHER", token()));

        assertThat(created.json().at("/errors")).as(created.body()).isEmpty();
        var memo = creditMemo(fixtures.request(
                        "finance@northwind.example",
                        created.json().at("/items/0/billingAdjustmentRequestId").asString())
                .json());
        var reversal = postings("credit-memo:" + memo.id()).stream()
                .filter(p -> p.credit().role() == AccountRole.MARKETPLACE_CLEARING)
                .toList();
        var isv = new LedgerAccount(partyOf(ACME_FINANCE), AccountRole.SELLER_PAYABLE, USD);
        var partner = new LedgerAccount(invoice.sellerPartyId(), AccountRole.PARTNER_PAYABLE, USD);
        assertThat(reversal).extracting(Posting::debit).containsExactly(isv, partner);
        // Half of what each was paid: 480.00 of the ISV's 960.00 wholesale, 38.40 of the partner's 76.80 margin.
        var isvBack = reversal.get(0).amount();
        var partnerBack = reversal.get(1).amount();
        assertThat(isvBack.plus(partnerBack)).isEqualTo(memo.subtotal());
        var exact = memo.subtotal()
                .getAmount()
                .multiply(new BigDecimal("960.00"))
                .divide(new BigDecimal("1036.80"), MathContext.DECIMAL128);
        assertThat(isvBack.getAmount().subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
        assertThat(memo.lines().getFirst().wholesaleAmount()).isNotNull();
        // The ISV paid the CPPO fee, 3% + 0.5%, on its wholesale 960.00: 33.60. The refund of half of what was paid
        // claws back that share of it from the marketplace, rounded toward zero; the partner's markup bore no fee.
        var fee = usd("960.00").multipliedBy(new BigDecimal("0.035"), RoundingMode.DOWN);
        assertThat(fee).isEqualTo(usd("33.60"));
        assertThat(postings("credit-memo:" + memo.id()).stream()
                        .filter(p -> p.debit().role() == AccountRole.FEE_REVENUE)
                        .toList())
                .containsExactly(new Posting(
                        marketplace(AccountRole.FEE_REVENUE),
                        isv,
                        Money.of(
                                USD,
                                fee.getAmount()
                                        .multiply(half.getAmount())
                                        .divide(invoice.total().getAmount(), 2, RoundingMode.DOWN))));
        assertThat(postings("refund:" + memo.id()))
                .singleElement()
                .extracting(Posting::amount)
                .isEqualTo(half);
        assertThat(balance(invoice.id()).at("/refunded").asString())
                .isEqualTo(half.getAmount().toPlainString());
    }

    @Test
    void everyRuleOfAnEntryIsCheckedOnItsOwnAndTheGoodEntriesAreAccepted() {
        var invoiced = fixtures.invoiced(List.of("100.00")).getFirst();
        var good = token();
        var noToken = entry(invoiced, "1.00", "OTHER", "x").replace("\"clientToken\":\"x\",", "");
        var notAnInvoice =
                entry(invoiced, "1.00", "OTHER", "t-notfound").replace(invoiced.invoiceId(), "inv-doesnotexist0000");

        var reply = fixtures.batch(
                ACME_FINANCE,
                entry(invoiced, "10.00", "BUYER_DISSATISFACTION", good),
                noToken,
                entry(invoiced, "1.00", "OTHER", "not a token!"),
                entry(invoiced, "0", "OTHER", "t-zero"),
                entry(invoiced, "1.005", "OTHER", "t-scale"),
                entry(invoiced, "125.01", "OTHER", "t-toomuch"),
                entry(invoiced, "1.00", "OTHER", "t-currency").replace("\"USD\"", "\"EUR\""),
                entry(invoiced, "1.00", "REFUND", "t-reason"),
                entry(invoiced, "1.00", "OTHER", "t-description").replace("Refund for test", "d".repeat(501)),
                entry(invoiced, "1.00", "OTHER", "t-agreement").replace(invoiced.agreementId(), "agmt-other"),
                notAnInvoice);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().at("/items")).hasSize(1);
        assertThat(reply.json().at("/items/0/clientToken").asString()).isEqualTo(good);
        var errors = new ArrayList<String>();
        reply.json()
                .at("/errors")
                .forEach(e -> errors.add(e.at("/code").asString() + " "
                        + (e.at("/clientToken").isNull()
                                ? "-"
                                : e.at("/clientToken").asString()) + " "
                        + e.at("/fields/0/field").asString() + " "
                        + e.at("/fields/0/code").asString()));
        assertThat(errors)
                .containsExactly(
                        "VALIDATION_EXCEPTION - clientToken validation.required",
                        "VALIDATION_EXCEPTION not a token! clientToken adjustment.clientToken",
                        "VALIDATION_EXCEPTION t-zero adjustmentAmount adjustment.amount",
                        "VALIDATION_EXCEPTION t-scale adjustmentAmount adjustment.scale",
                        "VALIDATION_EXCEPTION t-toomuch adjustmentAmount adjustment.exceedsAdjustable",
                        "VALIDATION_EXCEPTION t-currency currencyCode adjustment.currency",
                        "VALIDATION_EXCEPTION t-reason adjustmentReasonCode validation.enum",
                        "VALIDATION_EXCEPTION t-description description adjustment.description",
                        "VALIDATION_EXCEPTION t-agreement agreementId adjustment.agreementNotOnInvoice",
                        "RESOURCE_NOT_FOUND_EXCEPTION t-notfound originalInvoiceId adjustment.invoiceNotFound");
        assertThat(reply.json().at("/errors/4/message").asString()).contains("115.00");
        // What the accepted one credited is no longer there to credit: 125.00 less 10.00.
        var memo = creditMemo(fixtures.request(
                        ACME_FINANCE,
                        reply.json().at("/items/0/billingAdjustmentRequestId").asString())
                .json());
        var again = fixtures.batch(ACME_FINANCE, entry(invoiced, "115.01", "OTHER", token()));
        assertThat(again.json().at("/errors/0/message").asString()).contains("115.00");
        // A credit memo is not adjusted.
        var ofMemo = fixtures.batch(
                ACME_FINANCE, entry(invoiced, "1.00", "OTHER", token()).replace(invoiced.invoiceId(), memo.id()));
        assertThat(ofMemo.json().at("/errors/0/fields/0/code").asString()).isEqualTo("adjustment.creditMemo");
        // The batch: one to fifty entries, sent by the seller's administrators or finance users.
        var none = fixtures.batch(ACME_FINANCE);
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().at("/errors/0/field").asString()).isEqualTo("billingAdjustmentRequestEntries");
        var tooMany = fixtures.batch(
                ACME_FINANCE,
                Collections.nCopies(51, entry(invoiced, "1.00", "OTHER", "t-many"))
                        .toArray(String[]::new));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(fixtures.batch(OfferFixtures.AUTHOR, entry(invoiced, "1.00", "OTHER", token()))
                        .status())
                .isEqualTo(403);
        assertThat(fixtures.batch(invoiced.ownBuyer().finance(), entry(invoiced, "1.00", "OTHER", token()))
                        .status())
                .isEqualTo(403);
        assertThat(balance(invoiced.invoiceId()).at("/credited").asString()).isEqualTo("10.00");
    }

    @Test
    void aClientTokenMakesOneRequestAndRefusesToMeanAnotherOne() {
        var invoiced = fixtures.invoiced(List.of("100.00")).getFirst();
        var once = token();

        var first = fixtures.batch(ACME_FINANCE, entry(invoiced, "20.00", "INCORRECT_METERING", once));
        var repeated = fixtures.batch(
                ACME_FINANCE,
                entry(invoiced, "20.00", "INCORRECT_METERING", once),
                entry(invoiced, "20.00", "INCORRECT_METERING", once));
        var other = fixtures.batch(ACME_FINANCE, entry(invoiced, "30.00", "INCORRECT_METERING", once));

        var id = first.json().at("/items/0/billingAdjustmentRequestId").asString();
        assertThat(id).startsWith("ba-");
        assertThat(repeated.json().at("/items"))
                .extracting(i -> i.at("/billingAdjustmentRequestId").asString())
                .containsExactly(id, id);
        assertThat(repeated.json().at("/errors")).isEmpty();
        assertThat(other.json().at("/items")).isEmpty();
        assertThat(other.json().at("/errors/0/code").asString()).isEqualTo("CONFLICT_EXCEPTION");
        assertThat(other.json().at("/errors/0/clientToken").asString()).isEqualTo(once);
        // One request, one credit memo, credited once.
        assertThat(balance(invoiced.invoiceId()).at("/credited").asString()).isEqualTo("20.00");
        assertThat(jdbc.sql("SELECT count(*) FROM invoicing.invoice WHERE original_invoice_id = ?")
                        .param(invoiced.invoiceId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        var request = fixtures.request(ACME_FINANCE, id).json();
        assertThat(request.at("/clientToken").asString()).isEqualTo(once);
        assertThat(request.at("/adjustmentReasonCode").asString()).isEqualTo("INCORRECT_METERING");
        assertThat(request.at("/adjustmentAmount").asString()).isEqualTo("20.00");
        assertThat(request.at("/agreementType").asString()).isEqualTo("PurchaseAgreement");
    }

    @Test
    void onlyTheSellerOfRecordAndTheOperatorSeeARequest() {
        var invoiced = fixtures.invoiced(List.of("100.00")).getFirst();
        var request = fixtures.refund(invoiced, "5.00");
        var id = request.at("/billingAdjustmentRequestId").asString();

        assertThat(fixtures.request(NIMBUS, id).status()).isEqualTo(404);
        assertThat(fixtures.request(invoiced.ownBuyer().finance(), id).status()).isEqualTo(404);
        assertThat(fixtures.request(OPERATOR, id).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/billing-adjustment-requests?agreementId=" + invoiced.agreementId(), NIMBUS)
                        .json()
                        .at("/items"))
                .isEmpty();
        var nimbusTries = fixtures.batch(NIMBUS, entry(invoiced, "1.00", "OTHER", token()));
        assertThat(nimbusTries.json().at("/errors/0/code").asString()).isEqualTo("RESOURCE_NOT_FOUND_EXCEPTION");
        // The seller finds it by agreement and status, newest first.
        var listed = api.get(
                        "/api/v1/billing-adjustment-requests?agreementId=" + invoiced.agreementId()
                                + "&status=COMPLETED",
                        ACME_FINANCE)
                .json();
        assertThat(listed.at("/items"))
                .extracting(i -> i.at("/billingAdjustmentRequestId").asString())
                .containsExactly(id);
        assertThat(api.get(
                                "/api/v1/billing-adjustment-requests?agreementId=" + invoiced.agreementId()
                                        + "&status=PENDING",
                                ACME_FINANCE)
                        .json()
                        .at("/items"))
                .isEmpty();
        assertThat(api.get("/api/v1/billing-adjustment-requests?status=DONE", ACME_FINANCE)
                        .status())
                .isEqualTo(422);
    }

    @Test
    void theSellerRequestsARefundOnItsPagesAndFindsItListed() {
        var invoiced = fixtures.invoiced(List.of("100.00")).getFirst();
        var seller = new SignedInSession(api, ACME_FINANCE, "offerdesk-demo");
        var form = "/seller/billing-adjustments/new?invoiceId=" + invoiced.invoiceId();
        var page = new String(seller.get(form).body(), StandardCharsets.UTF_8);
        assertThat(page).contains("refund-form", invoiced.agreementId(), "125.00");

        var posted = seller.post(
                form,
                "/seller/billing-adjustments",
                "originalInvoiceId=" + invoiced.invoiceId() + "&agreementId=" + invoiced.agreementId()
                        + "&currencyCode=USD&adjustmentAmount=12.50&adjustmentReasonCode=UNINTENDED_RENEWAL"
                        + "&clientToken=" + token() + "&description="
                        + URLEncoder.encode("Renewed by mistake", StandardCharsets.UTF_8));

        assertThat(posted.statusCode()).isEqualTo(302);
        var detail = posted.headers().firstValue("Location").orElseThrow();
        assertThat(detail).contains("/seller/billing-adjustments/ba-");
        var shown = new String(
                seller.get(detail.replaceFirst("^https?://[^/]+", "")).body(), StandardCharsets.UTF_8);
        assertThat(shown).contains("data-status=\"COMPLETED\"", "USD 12.50", "Renewed by mistake");
        var list = new String(seller.get("/seller/billing-adjustments").body(), StandardCharsets.UTF_8);
        assertThat(list).contains(invoiced.invoiceId(), "USD 12.50");
        // A rejected form comes back with the field's error.
        var refused = seller.post(
                form,
                "/seller/billing-adjustments",
                "originalInvoiceId=" + invoiced.invoiceId() + "&agreementId=" + invoiced.agreementId()
                        + "&currencyCode=USD&adjustmentAmount=500&adjustmentReasonCode=OTHER&clientToken=" + token());
        assertThat(refused.statusCode()).isEqualTo(302);
        var again = new String(seller.get(form).body(), StandardCharsets.UTF_8);
        assertThat(again).contains("112.50");
        // The invoice's panel: the seller's requests and form; nothing for the buyer; 404 for another seller.
        var panel = new String(
                seller.get("/invoices/" + invoiced.invoiceId() + "/adjustments").body(), StandardCharsets.UTF_8);
        assertThat(panel).contains("adjustment-requests", "refund-form");
        var buyer = new SignedInSession(api, invoiced.ownBuyer().finance(), CollectionFixtures.PASSWORD);
        var buyerPanel = buyer.get("/invoices/" + invoiced.invoiceId() + "/adjustments");
        assertThat(buyerPanel.statusCode()).isEqualTo(200);
        assertThat(new String(buyerPanel.body(), StandardCharsets.UTF_8)).doesNotContain("refund-form", "USD 12.50");
        var nimbus = new SignedInSession(api, NIMBUS, "offerdesk-demo");
        assertThat(nimbus.get("/invoices/" + invoiced.invoiceId() + "/adjustments")
                        .statusCode())
                .isEqualTo(404);
    }
}
