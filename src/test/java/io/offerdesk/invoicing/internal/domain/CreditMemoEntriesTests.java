package io.offerdesk.invoicing.internal.domain;

import static io.offerdesk.invoicing.internal.domain.LargestRemainderTests.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.invoicing.Invoice;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.Posting;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** A resold line of 1,000.00 + 100.00 tax: the ISV's wholesale share is 800.00, the partner keeps 200.00. */
class CreditMemoEntriesTests {

    static final UUID BUYER = AgreementInvoices.BUYER;
    static final UUID ISV = AgreementInvoices.ISV;
    static final UUID PARTNER = AgreementInvoices.PARTNER;
    static final Instant AT = Instant.parse("2027-01-01T00:00:00Z");

    static final LedgerAccount CLEARING = LedgerAccount.marketplace(AccountRole.MARKETPLACE_CLEARING, CurrencyUnit.USD);
    static final LedgerAccount TAX = LedgerAccount.marketplace(AccountRole.TAX_PAYABLE, CurrencyUnit.USD);
    static final LedgerAccount CASH = LedgerAccount.marketplace(AccountRole.MARKETPLACE_CASH, CurrencyUnit.USD);
    static final LedgerAccount FEES = LedgerAccount.marketplace(AccountRole.FEE_REVENUE, CurrencyUnit.USD);
    static final LedgerAccount RECEIVABLE = new LedgerAccount(BUYER, AccountRole.BUYER_RECEIVABLE, CurrencyUnit.USD);
    static final LedgerAccount BUYER_CREDIT = new LedgerAccount(BUYER, AccountRole.BUYER_CREDIT, CurrencyUnit.USD);
    static final LedgerAccount ISV_PAYABLE = new LedgerAccount(ISV, AccountRole.SELLER_PAYABLE, CurrencyUnit.USD);
    static final LedgerAccount PARTNER_PAYABLE =
            new LedgerAccount(PARTNER, AccountRole.PARTNER_PAYABLE, CurrencyUnit.USD);

    static final Invoice INVOICE = AgreementInvoices.of(
            List.of(AgreementInvoices.line(1, "agmt-1", usd("1000.00"), usd("100.00"), usd("800.00"))));

    /** The collection split of the whole 1,100.00, with a 3% fee on the ISV's share as #7 may add it. */
    static final List<Posting> SPLIT = List.of(
            new Posting(CLEARING, ISV_PAYABLE, usd("800.00")),
            new Posting(CLEARING, PARTNER_PAYABLE, usd("200.00")),
            new Posting(ISV_PAYABLE, FEES, usd("24.00")));

    @Test
    void anUnpaidCreditLowersTheReceivableAndGivesBackNetAndTax() {
        var balance = new InvoiceBalance(usd("1100.00"), usd("0.00"), usd("0.00"), usd("0.00"));
        var plan = CreditMemos.plan(
                INVOICE, CreditMemos.originalLines(INVOICE, List.of()), balance, List.of(), "agmt-1", usd("550.00"));
        var entries = CreditMemoEntries.entries("inv-memo", "inv-original", BUYER, plan, AT);
        assertThat(entries).hasSize(1);
        var entry = entries.getFirst();
        assertThat(entry.idempotencyKey()).isEqualTo("credit-memo:inv-memo");
        assertThat(entry.reasonCode()).isEqualTo("CREDIT_MEMO");
        assertThat(entry.reference()).isEqualTo("inv-original");
        assertThat(entry.postings())
                .containsExactly(
                        new Posting(CLEARING, RECEIVABLE, usd("500.00")), new Posting(TAX, RECEIVABLE, usd("50.00")));
    }

    @Test
    void aPaidCreditTakesTheSplitBackProportionallyAndRefundsTheBuyer() {
        var balance = new InvoiceBalance(usd("1100.00"), usd("1100.00"), usd("0.00"), usd("0.00"));
        var plan = CreditMemos.plan(
                INVOICE,
                CreditMemos.originalLines(INVOICE, List.of()),
                balance,
                SplitReversal.standing(SPLIT, List.of()),
                "agmt-1",
                usd("275.00"));
        assertThat(plan.reversal())
                .containsExactly(
                        new Posting(ISV_PAYABLE, CLEARING, usd("200.00")),
                        new Posting(PARTNER_PAYABLE, CLEARING, usd("50.00")),
                        new Posting(FEES, ISV_PAYABLE, usd("6.00")));
        var entries = CreditMemoEntries.entries("inv-memo", "inv-original", BUYER, plan, AT);
        assertThat(entries.get(0).postings())
                .containsExactly(
                        new Posting(ISV_PAYABLE, CLEARING, usd("200.00")),
                        new Posting(PARTNER_PAYABLE, CLEARING, usd("50.00")),
                        new Posting(FEES, ISV_PAYABLE, usd("6.00")),
                        new Posting(CLEARING, BUYER_CREDIT, usd("250.00")),
                        new Posting(TAX, BUYER_CREDIT, usd("25.00")));
        assertThat(entries.get(1).idempotencyKey()).isEqualTo("refund:inv-memo");
        assertThat(entries.get(1).postings()).containsExactly(new Posting(BUYER_CREDIT, CASH, usd("275.00")));
    }

    @Test
    void earlierReversalsAreNotTakenTwice() {
        var earlier = List.of(
                new Posting(ISV_PAYABLE, CLEARING, usd("200.00")),
                new Posting(PARTNER_PAYABLE, CLEARING, usd("50.00")),
                new Posting(FEES, ISV_PAYABLE, usd("6.00")),
                new Posting(CLEARING, BUYER_CREDIT, usd("250.00")));
        var standing = SplitReversal.standing(SPLIT, earlier);
        assertThat(standing)
                .extracting(SplitReversal.Leg::amount)
                .containsExactly(usd("600.00"), usd("150.00"), usd("18.00"));
        // Refunding all that is still held takes back all that still stands, to the cent.
        assertThat(SplitReversal.proportionalNet(standing, usd("825.00"), usd("825.00")))
                .isEqualTo(usd("750.00"));
        assertThat(SplitReversal.reverse(standing, usd("825.00"), usd("825.00"), usd("750.00")))
                .containsExactly(
                        new Posting(ISV_PAYABLE, CLEARING, usd("600.00")),
                        new Posting(PARTNER_PAYABLE, CLEARING, usd("150.00")),
                        new Posting(FEES, ISV_PAYABLE, usd("18.00")));
    }

    @Test
    void noRefundExceedsWhatIsHeld() {
        assertThatThrownBy(() -> SplitReversal.reverse(List.of(), usd("0.01"), usd("0.00"), usd("0.00")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
