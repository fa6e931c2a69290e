package io.offerdesk.invoicing;

import static io.offerdesk.invoicing.CollectionFixtures.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.invoicing.CollectionFixtures.Buyer;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.Ledger;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Collections end to end: a three-year contract invoiced and paid month by month to the cent, partial payments and an
 * over-payment whose credit pays the next invoice, refusals, and who may pay whose invoice.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 10)
@EndToEndTest
class CollectionsTests {

    static final CurrencyUnit USD = CurrencyUnit.USD;

    @Autowired
    TestApi api;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    CollectionFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CollectionFixtures(api, jdbc);
    }

    Money balance(Buyer buyer, AccountRole role) {
        return ledger.balance(new LedgerAccount(buyer.partyId(), role, USD)).net();
    }

    /** What the collection entries of the invoices moved out of clearing, in minor units. */
    long collected(List<String> invoiceIds) {
        return jdbc.sql("""
                        SELECT coalesce(sum(p.amount_minor), 0) FROM ledger.posting p
                        JOIN ledger.journal_entry e ON e.id = p.entry_id
                        JOIN ledger.account d ON d.id = p.debit_account_id
                        WHERE e.reason_code = 'COLLECTED' AND e.reference = ANY(?) AND d.role = 'MARKETPLACE_CLEARING'
                        """)
                .param(invoiceIds.toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    /** The listing fees the collection entries of the invoices charged (ADR 0019), in minor units. */
    long fees(List<String> invoiceIds) {
        return jdbc.sql("""
                        SELECT coalesce(sum(p.amount_minor), 0) FROM ledger.posting p
                        JOIN ledger.journal_entry e ON e.id = p.entry_id
                        JOIN ledger.account c ON c.id = p.credit_account_id
                        WHERE e.reason_code = 'COLLECTED' AND e.reference = ANY(?) AND c.role = 'FEE_REVENUE'
                        """)
                .param(invoiceIds.toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    /** A listing fee in minor units, computed here as the rule says: the share times the rate, toward zero. */
    static long fee(long shareMinor, String ratePercent) {
        return new java.math.BigDecimal(shareMinor)
                .multiply(new java.math.BigDecimal(ratePercent))
                .divide(java.math.BigDecimal.valueOf(100), 0, java.math.RoundingMode.DOWN)
                .longValueExact();
    }

    @Test
    void aThirtySixMonthContractIsInvoicedAndPaidToTheCentUntilTheBuyerOwesNothing() {
        var buyer = fixtures.buyer();
        // 100,000.00 in 36 installments: 35 of 2,777.78 and a last one of 2,777.70.
        var amounts = new ArrayList<>(Collections.nCopies(35, "2777.78"));
        amounts.add("2777.70");
        var agreementId = fixtures.buy(buyer, fixtures.installmentOffer(buyer.accountId(), 36, amounts));
        var charges = fixtures.charges(buyer.procurement(), agreementId).stream()
                .filter(c -> c.at("/amount").asString().startsWith("2777."))
                .toList();
        assertThat(charges).hasSize(36);

        var paid = new ArrayList<String>();
        for (int month = 0; month < 36; month++) {
            var charge = charges.get(month);
            fixtures.advanceTo(Instant.parse(charge.at("/time").asString()).plusSeconds(3600));
            var invoiceId = fixtures.invoiceOf(agreementId, charge.at("/id").asString())
                    .orElseThrow(() -> new AssertionError("charge " + charge + " was not invoiced"));
            var open = fixtures.balance(buyer.finance(), invoiceId).json();
            assertThat(open.at("/total").asString()).isEqualTo(amounts.get(month));
            assertThat(open.at("/status").asString()).isEqualTo("OPEN");

            var payment = fixtures.pay(buyer.finance(), invoiceId, amounts.get(month), "wire " + (month + 1));
            assertThat(payment.status()).as(payment.body()).isEqualTo(201);
            assertThat(payment.json().at("/applied").asString()).isEqualTo(amounts.get(month));
            assertThat(payment.json().at("/toCredit").asString()).isEqualTo("0.00");
            assertThat(fixtures.balance(buyer.finance(), invoiceId)
                            .json()
                            .at("/status")
                            .asString())
                    .isEqualTo("PAID");
            paid.add(invoiceId);
        }

        assertThat(fixtures.invoicesOf(agreementId))
                .containsExactlyElementsOf(paid)
                .doesNotHaveDuplicates();
        assertThat(paid).hasSize(36);
        for (int month = 0; month < 36; month++) {
            var invoice = fixtures.balance(buyer.finance(), paid.get(month)).json();
            assertThat(invoice.at("/total").asString()).isEqualTo(amounts.get(month));
            assertThat(invoice.at("/paid").asString()).isEqualTo(amounts.get(month));
            assertThat(invoice.at("/open").asString()).isEqualTo("0.00");
            assertThat(invoice.at("/status").asString()).isEqualTo("PAID");
            // Paid before its due date: never chased.
            assertThat(api.get("/api/v1/invoices/" + paid.get(month) + "/reminders", buyer.finance())
                            .json()
                            .at("/items"))
                    .isEmpty();
        }
        assertThat(balance(buyer, AccountRole.BUYER_RECEIVABLE)).isEqualTo(Money.zero(USD));
        assertThat(balance(buyer, AccountRole.BUYER_CREDIT)).isEqualTo(Money.zero(USD));
        // The buyer reads its own receivable in the ledger: 100,000.00 billed, 100,000.00 paid, nothing owed.
        var receivable = api.get("/api/v1/ledger/accounts?role=BUYER_RECEIVABLE&currency=USD", buyer.finance())
                .json()
                .at("/items");
        assertThat(receivable).hasSize(1);
        assertThat(receivable.get(0).at("/debitsMinor").asLong()).isEqualTo(10_000_000L);
        assertThat(receivable.get(0).at("/creditsMinor").asLong()).isEqualTo(10_000_000L);
        assertThat(receivable.get(0).at("/netMinor").asLong()).isZero();
        // Every cent billed left clearing for the seller once collected, and the books still balance.
        assertThat(collected(paid)).isEqualTo(10_000_000L);
        // A private offer below $1M pays 3% on each installment collected, rounded down once per invoice: 35 fees of
        // 83.33 (277,778 × 3% = 8,333.34 cents) and one of 83.33 (277,770 × 3% = 8,333.1 cents).
        long expectedFees = amounts.stream()
                .mapToLong(a -> fee(Money.parse("USD " + a).getAmountMinorLong(), "3"))
                .sum();
        assertThat(expectedFees).isEqualTo(36 * 8_333L);
        assertThat(fees(paid)).isEqualTo(expectedFees);
        var check = api.post("/api/v1/ledger/invariants", OPERATOR, "");
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.json().at("/passed").asBoolean()).as(check.body()).isTrue();
    }

    @Test
    void partialPaymentsAndAnOverPaymentWhoseCreditPaysTheNextInvoice() {
        var buyer = fixtures.buyer();
        // Billed in Iceland at 24%: each 1,000.00 installment is an invoice of 1,240.00, 240.00 of it tax.
        var rate = api.put("/api/v1/invoicing/tax-rates/IS", OPERATOR, "{\"ratePercent\":24}");
        assertThat(rate.status()).as(rate.body()).isEqualTo(200);
        var profile =
                api.put("/api/v1/invoicing/billing-profiles/" + buyer.partyId(), buyer.admin(), "{\"country\":\"IS\"}");
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        var agreementId = fixtures.buy(
                buyer, fixtures.installmentOffer(buyer.accountId(), 12, Collections.nCopies(12, "1000.00")));
        var charges = fixtures.charges(buyer.procurement(), agreementId).stream()
                .filter(c -> c.at("/amount").asString().equals("1000.00"))
                .toList();
        fixtures.advanceTo(Instant.parse(charges.get(0).at("/time").asString()).plusSeconds(3600));
        var first = fixtures.invoiceOf(agreementId, charges.get(0).at("/id").asString())
                .orElseThrow();
        assertThat(fixtures.balance(buyer.finance(), first).json().at("/total").asString())
                .isEqualTo("1240.00");

        var partial = fixtures.pay(buyer.finance(), first, "400", "wire 1");
        assertThat(partial.status()).as(partial.body()).isEqualTo(201);
        assertThat(partial.json().at("/amount").asString()).isEqualTo("400.00");
        assertThat(partial.json().at("/applied").asString()).isEqualTo("400.00");
        var afterPartial = fixtures.balance(buyer.finance(), first).json();
        assertThat(afterPartial.at("/status").asString()).isEqualTo("PARTIALLY_PAID");
        assertThat(afterPartial.at("/open").asString()).isEqualTo("840.00");
        assertThat(balance(buyer, AccountRole.BUYER_RECEIVABLE)).isEqualTo(Money.parse("USD 840.00"));
        // 400.00 × 1,000 / 1,240 = 322.58 of it is owed to Acme; the 77.42 of tax stays owed to the tax authority.
        assertThat(collected(List.of(first))).isEqualTo(32_258L);
        // Acme's listing fee, 3% of its 322.58, rounds down to 9.67: it keeps 312.91. Tax bears no fee.
        assertThat(fees(List.of(first))).isEqualTo(fee(32_258L, "3")).isEqualTo(967L);

        var over = fixtures.pay(buyer.finance(), first, "1000.00", "wire 2");
        assertThat(over.status()).as(over.body()).isEqualTo(201);
        assertThat(over.json().at("/applied").asString()).isEqualTo("840.00");
        assertThat(over.json().at("/toCredit").asString()).isEqualTo("160.00");
        assertThat(fixtures.balance(buyer.finance(), first).json().at("/status").asString())
                .isEqualTo("PAID");
        var credit = api.get("/api/v1/buyer/credit-balance", buyer.finance()).json();
        assertThat(credit.at("/items/0/currencyCode").asString()).isEqualTo("USD");
        assertThat(credit.at("/items/0/amount").asString()).isEqualTo("160.00");
        assertThat(balance(buyer, AccountRole.BUYER_RECEIVABLE)).isEqualTo(Money.zero(USD));
        // Credit is owed to the buyer: a credit balance of the account.
        assertThat(balance(buyer, AccountRole.BUYER_CREDIT)).isEqualTo(Money.parse("USD -160.00"));
        // Settled: exactly the invoice's net amount left clearing, and the fee is 3% of it in one rounding.
        assertThat(collected(List.of(first))).isEqualTo(100_000L);
        assertThat(fees(List.of(first))).isEqualTo(fee(100_000L, "3"));
        var payments = api.get("/api/v1/invoices/" + first + "/payments", buyer.finance())
                .json();
        assertThat(payments.at("/items").findValuesAsString("reference")).containsExactly("wire 1", "wire 2");

        fixtures.advanceTo(Instant.parse(charges.get(1).at("/time").asString()).plusSeconds(3600));
        var second = fixtures.invoiceOf(agreementId, charges.get(1).at("/id").asString())
                .orElseThrow();
        var secondBalance = fixtures.balance(buyer.finance(), second).json();
        assertThat(secondBalance.at("/paid").asString()).isEqualTo("160.00");
        assertThat(secondBalance.at("/open").asString()).isEqualTo("1080.00");
        assertThat(secondBalance.at("/status").asString()).isEqualTo("PARTIALLY_PAID");
        var applied = api.get("/api/v1/invoices/" + second + "/payments", buyer.finance())
                .json();
        assertThat(applied.at("/items")).isEmpty();
        assertThat(applied.at("/creditsApplied/0/amount").asString()).isEqualTo("160.00");
        assertThat(api.get("/api/v1/buyer/credit-balance", buyer.finance())
                        .json()
                        .at("/items"))
                .isEmpty();
        assertThat(balance(buyer, AccountRole.BUYER_CREDIT)).isEqualTo(Money.zero(USD));
        assertThat(balance(buyer, AccountRole.BUYER_RECEIVABLE)).isEqualTo(Money.parse("USD 1080.00"));

        // The simulator's "pay" settles what is open.
        var settled = api.post("/api/v1/buyer/invoices/" + second + "/pay", buyer.finance(), "");
        assertThat(settled.status()).as(settled.body()).isEqualTo(201);
        assertThat(settled.json().at("/amount").asString()).isEqualTo("1080.00");
        assertThat(settled.json().at("/simulated").asBoolean()).isTrue();
        assertThat(balance(buyer, AccountRole.BUYER_RECEIVABLE)).isEqualTo(Money.zero(USD));
        assertThat(collected(List.of(first, second))).isEqualTo(200_000L);
        assertThat(fees(List.of(first, second))).isEqualTo(2 * fee(100_000L, "3"));
        var again = api.post("/api/v1/buyer/invoices/" + second + "/pay", buyer.finance(), "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/code").asString()).isEqualTo("collections.nothingOpen");
        assertThat(api.delete("/api/v1/invoicing/tax-rates/IS", OPERATOR).status())
                .isEqualTo(204);
    }

    @Test
    void aResoldInvoiceOwesTheIsvItsWholesalePartAndThePartnerTheRestOnceCollected() {
        var buyer = fixtures.buyer();
        var acme = api.get("/api/v1/parties/me", AgreementFixtures.AUTHOR)
                .json()
                .at("/id")
                .asString();
        var northwind = api.get("/api/v1/parties/me", CollectionFixtures.PARTNER)
                .json()
                .at("/id")
                .asString();
        var agreementId = fixtures.buy(buyer, fixtures.resoldOffer(buyer.accountId(), "8"));
        var charge = fixtures.charges(buyer.procurement(), agreementId).stream()
                .filter(c -> c.at("/amount").asString().equals("1080.00"))
                .findFirst()
                .orElseThrow();
        fixtures.advanceTo(Instant.parse(charge.at("/time").asString()).plusSeconds(3600));
        var invoiceId =
                fixtures.invoiceOf(agreementId, charge.at("/id").asString()).orElseThrow();

        assertThat(fixtures.pay(buyer.finance(), invoiceId, "333.33", "part 1").status())
                .isEqualTo(201);
        // 333.33 of 1,080.00: 333.33 × 1,000 / 1,080 = 308.638… rounds down to 308.63 for Acme's wholesale part; the
        // partner, seller of record, takes the remainder, 24.70, of its markup. Acme pays the CPPO listing fee, 3% +
        // 0.5% = 3.5%, on its wholesale share: 308.63 × 3.5% = 10.80205 rounds down to 10.80. The markup bears none.
        long firstFee = fee(30_863L, "3.5");
        assertThat(firstFee).isEqualTo(1_080L);
        assertThat(owed(invoiceId))
                .containsOnly(
                        java.util.Map.entry("SELLER_PAYABLE " + acme, 30_863L - firstFee),
                        java.util.Map.entry("PARTNER_PAYABLE " + northwind, 2_470L),
                        java.util.Map.entry("FEE_REVENUE " + LedgerAccount.MARKETPLACE, firstFee));
        assertThat(fixtures.pay(buyer.finance(), invoiceId, "746.67", "part 2").status())
                .isEqualTo(201);
        // Paid in full: the fee is 3.5% of the whole wholesale 1,000.00 in one rounding, 35.00.
        assertThat(owed(invoiceId))
                .containsOnly(
                        java.util.Map.entry("SELLER_PAYABLE " + acme, 100_000L - fee(100_000L, "3.5")),
                        java.util.Map.entry("PARTNER_PAYABLE " + northwind, 8_000L),
                        java.util.Map.entry("FEE_REVENUE " + LedgerAccount.MARKETPLACE, 3_500L));
        assertThat(balance(buyer, AccountRole.BUYER_RECEIVABLE)).isEqualTo(Money.zero(USD));
    }

    /**
     * What the collection entries of the invoice owe, net, by account credited ("ROLE party"), in
     * null), in minor units: a payee's share less the listing fee it pays out of it.
     */
    java.util.Map<String, Long> owed(String invoiceId) {
        var owed = new java.util.HashMap<String, Long>();
        jdbc.sql("""
                        SELECT a.role, a.owner_party_id,
                            sum(CASE WHEN a.id = p.credit_account_id THEN p.amount_minor ELSE -p.amount_minor END)
                        FROM ledger.posting p
                        JOIN ledger.journal_entry e ON e.id = p.entry_id
                        JOIN ledger.account a ON a.id IN (p.credit_account_id, p.debit_account_id)
                        WHERE e.reason_code = 'COLLECTED' AND e.reference = ? AND a.role <> 'MARKETPLACE_CLEARING'
                        GROUP BY a.role, a.owner_party_id
                        """)
                .param(invoiceId)
                .query((rs, n) -> owed.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3)))
                .list();
        return owed;
    }

    @Test
    void badPaymentsAreRefusedNamingTheFieldAndOnlyThePayersMayPay() {
        var buyer = fixtures.buyer();
        var agreementId = fixtures.buy(
                buyer, fixtures.installmentOffer(buyer.accountId(), 12, Collections.nCopies(12, "1000.00")));
        var charge = fixtures.charges(buyer.procurement(), agreementId).stream()
                .filter(c -> c.at("/amount").asString().equals("1000.00"))
                .findFirst()
                .orElseThrow();
        fixtures.advanceTo(Instant.parse(charge.at("/time").asString()).plusSeconds(3600));
        var invoiceId =
                fixtures.invoiceOf(agreementId, charge.at("/id").asString()).orElseThrow();
        var path = "/api/v1/invoices/" + invoiceId + "/payments";

        var cases = List.of(
                List.of("{\"amount\":\"10.00\",\"currencyCode\":\"EUR\",\"reference\":\"x\"}", "currencyCode"),
                List.of("{\"amount\":\"0\",\"currencyCode\":\"USD\",\"reference\":\"x\"}", "amount"),
                List.of("{\"amount\":\"-5.00\",\"currencyCode\":\"USD\",\"reference\":\"x\"}", "amount"),
                List.of("{\"amount\":\"1.001\",\"currencyCode\":\"USD\",\"reference\":\"x\"}", "amount"),
                List.of("{\"amount\":\"lots\",\"currencyCode\":\"USD\",\"reference\":\"x\"}", "amount"),
                List.of("{\"amount\":\"1.00\",\"currencyCode\":\"USD\",\"reference\":\" \"}", "reference"));
        for (var c : cases) {
            var refused = api.post(path, buyer.finance(), c.get(0));
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().at("/errors").findValuesAsString("field")).containsExactly(c.get(1));
        }
        assertThat(api.get(path, buyer.finance()).json().at("/items")).isEmpty();

        // Another buyer does not see the invoice; the seller of record reads it but may not pay it, nor may the
        // buyer's procurement user, who is no finance user.
        for (var stranger : List.of(AgreementFixtures.INITECH, "finance@initech.example")) {
            assertThat(api.get(path, stranger).status()).isEqualTo(404);
            assertThat(api.post(path, stranger, "{\"amount\":\"1.00\",\"currencyCode\":\"USD\",\"reference\":\"x\"}")
                            .status())
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/invoices/" + invoiceId + "/balance", stranger)
                            .status())
                    .isEqualTo(404);
            assertThat(api.post("/api/v1/buyer/invoices/" + invoiceId + "/pay", stranger, "")
                            .status())
                    .isEqualTo(404);
        }
        assertThat(api.get(path, AgreementFixtures.AUTHOR).status()).isEqualTo(200);
        assertThat(api.post(
                                path,
                                AgreementFixtures.AUTHOR,
                                "{\"amount\":\"1.00\",\"currencyCode\":\"USD\",\"reference\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                path,
                                buyer.procurement(),
                                "{\"amount\":\"1.00\",\"currencyCode\":\"USD\",\"reference\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.get(path + "-not", buyer.finance()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/invoices/inv-doesnotexist12345/payments", buyer.finance())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/buyer/credit-balance", AgreementFixtures.AUTHOR)
                        .status())
                .isEqualTo(403);

        // The operator records what the buyer wired.
        var recorded =
                api.post(path, OPERATOR, "{\"amount\":\"1000.00\",\"currencyCode\":\"USD\",\"reference\":\"bank\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().at("/recordedBy").asString()).contains(OPERATOR);
        assertThat(api.get(path, buyer.finance())
                        .json()
                        .at("/items/0/reference")
                        .asString())
                .isEqualTo("bank");
    }

    @Test
    void concurrentPaymentsOfOneInvoiceTakeItsOpenAmountOnceAndAKeyReplaysThePayment() throws Exception {
        var buyer = fixtures.buyer();
        var agreementId = fixtures.buy(
                buyer, fixtures.installmentOffer(buyer.accountId(), 12, Collections.nCopies(12, "1000.00")));
        var charge = fixtures.charges(buyer.procurement(), agreementId).stream()
                .filter(c -> c.at("/amount").asString().equals("1000.00"))
                .findFirst()
                .orElseThrow();
        fixtures.advanceTo(Instant.parse(charge.at("/time").asString()).plusSeconds(3600));
        var invoiceId =
                fixtures.invoiceOf(agreementId, charge.at("/id").asString()).orElseThrow();

        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            java.util.concurrent.Callable<TestApi.Reply> pay =
                    () -> api.post("/api/v1/buyer/invoices/" + invoiceId + "/pay", buyer.finance(), "");
            var replies = pool.invokeAll(Collections.nCopies(4, pay));
            var statuses = new ArrayList<Integer>();
            for (var reply : replies) {
                statuses.add(reply.get().status());
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        }
        assertThat(api.get("/api/v1/invoices/" + invoiceId + "/payments", buyer.finance())
                        .json()
                        .at("/items"))
                .hasSize(1);
        assertThat(balance(buyer, AccountRole.BUYER_RECEIVABLE)).isEqualTo(Money.zero(USD));

        // A retried POST with the same Idempotency-Key answers the first response and moves no money again.
        fixtures.advanceTo(Instant.parse(fixtures.charges(buyer.procurement(), agreementId).stream()
                        .filter(c -> c.at("/amount").asString().equals("1000.00"))
                        .toList()
                        .get(1)
                        .at("/time")
                        .asString())
                .plusSeconds(3600));
        var second = fixtures.invoicesOf(agreementId).getLast();
        var body = "{\"amount\":\"250.00\",\"currencyCode\":\"USD\",\"reference\":\"retry\"}";
        var first = api.send(request(buyer.finance(), second, "key-" + second, body));
        var replayed = api.send(request(buyer.finance(), second, "key-" + second, body));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.json().at("/id").asString())
                .isEqualTo(first.json().at("/id").asString());
        assertThat(fixtures.balance(buyer.finance(), second).json().at("/paid").asString())
                .isEqualTo("250.00");
    }

    @Test
    void theInvoicePanelRecordsThePaymentsOfTheOperatorAndPaysForTheBuyersFinanceUser() {
        var buyer = fixtures.buyer();
        var agreementId = fixtures.buy(
                buyer, fixtures.installmentOffer(buyer.accountId(), 12, Collections.nCopies(12, "1000.00")));
        var charge = fixtures.charges(buyer.procurement(), agreementId).stream()
                .filter(c -> c.at("/amount").asString().equals("1000.00"))
                .findFirst()
                .orElseThrow();
        fixtures.advanceTo(Instant.parse(charge.at("/time").asString()).plusSeconds(3600));
        var invoiceId =
                fixtures.invoiceOf(agreementId, charge.at("/id").asString()).orElseThrow();
        var panel = "/invoices/" + invoiceId + "/collection?lang=en";

        var operator = new SignedInSession(api, OPERATOR, "offerdesk-demo");
        assertThat(html(operator.get(panel)))
                .contains("id=\"record-payment\"", "Record payment", "data-status=\"OPEN\"", "USD 1000.00")
                .doesNotContain("id=\"pay-invoice\"");
        var refused = html(operator.post(
                panel, "/invoices/" + invoiceId + "/payments?lang=en", "amount=1.001&currencyCode=USD&reference=x"));
        assertThat(refused).contains("The amount must be a positive USD amount with at most 2 decimals.", "1.001");
        var recorded = html(operator.post(
                panel,
                "/invoices/" + invoiceId + "/payments?lang=en",
                "amount=250.00&currencyCode=USD&reference=wire+7"));
        assertThat(recorded)
                .contains("The payment is recorded.", "data-status=\"PARTIALLY_PAID\"", "wire 7", "USD 750.00");

        var procurement = new SignedInSession(api, buyer.procurement(), CollectionFixtures.PASSWORD);
        assertThat(html(procurement.get(panel)))
                .contains("wire 7")
                .doesNotContain("id=\"pay-invoice\"", "id=\"record-payment\"");
        var finance = new SignedInSession(api, buyer.finance(), CollectionFixtures.PASSWORD);
        assertThat(html(finance.get(panel))).contains("id=\"pay-invoice\"", "Pay USD 750.00");
        var paid = html(finance.post(panel, "/invoices/" + invoiceId + "/pay?lang=zh-CN", ""));
        assertThat(paid).contains("付款已登记。", "已付款", "data-status=\"PAID\"").doesNotContain("id=\"pay-invoice\"");

        var stranger = new SignedInSession(api, "finance@initech.example", "offerdesk-demo");
        assertThat(stranger.get(panel).statusCode()).isEqualTo(404);
    }

    static String html(java.net.http.HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    java.net.http.HttpRequest.Builder request(String email, String invoiceId, String key, String body) {
        return api.request("/api/v1/invoices/" + invoiceId + "/payments", email)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
    }
}
