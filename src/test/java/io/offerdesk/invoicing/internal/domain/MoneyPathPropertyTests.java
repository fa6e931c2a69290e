package io.offerdesk.invoicing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceLine;
import io.offerdesk.invoicing.internal.domain.CreditMemos.CreditedLine;
import io.offerdesk.invoicing.internal.domain.CreditMemos.OriginalLine;
import io.offerdesk.invoicing.internal.domain.CreditMemos.Plan;
import io.offerdesk.ledger.AccountRole;
import io.offerdesk.ledger.JournalEntry;
import io.offerdesk.ledger.LedgerAccount;
import io.offerdesk.ledger.Posting;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Random invoices (one to five lines over one or two agreements, direct or resold, any tax rate, cents or yen) go
 * through random sequences of payments and billing adjustments on an in-process ledger that posts what invoicing posts:
 * the invoice, each payment with its collection split (with the listing-fee legs of each agreement's random rate, ADR
 * 0019), and each credit memo with its refund. After every step the money must still add up.
 */
class MoneyPathPropertyTests {

    static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY");
    /** Percent, as the operator keeps them per buyer country. */
    static final List<String> TAX_RATES = List.of("0", "5", "7.25", "10", "19", "25");

    static final Instant AT = Instant.parse("2027-03-01T00:00:00Z");

    /** A line: its agreement (0 or 1), net amount in minor units, and for a resold line the ISV's wholesale part. */
    record LineSpec(int agreement, long amount, @Nullable Long wholesale) {}

    /** A payment of a share of what is open, or an adjustment of a share of what an agreement has left. */
    record Step(boolean payment, int agreement, int perMille) {}

    /** @param feeRates the listing fee in percent of agmt-0 and agmt-1 */
    record Scenario(
            String currency, String taxRate, List<LineSpec> lines, List<Step> steps, List<BigDecimal> feeRates) {}

    @Provide
    Arbitrary<Scenario> scenarios() {
        var line = Combinators.combine(
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.longs().between(0, 5_000_000),
                        Arbitraries.integers().between(-1, 1000))
                .as((agreement, amount, wholesalePerMille) -> new LineSpec(
                        agreement, amount, wholesalePerMille < 0 ? null : amount * wholesalePerMille / 1000));
        var step = Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(1, 1000))
                .as(Step::new);
        return Combinators.combine(
                        Arbitraries.of(CURRENCIES),
                        Arbitraries.of(TAX_RATES),
                        line.list().ofMinSize(1).ofMaxSize(5),
                        step.list().ofMinSize(1).ofMaxSize(12),
                        CollectionSplitPropertyTests.feeRates().list().ofSize(2))
                .as(Scenario::new)
                .filter(s -> s.lines().stream().mapToLong(LineSpec::amount).sum() > 0);
    }

    @Property(tries = 10_000)
    void moneyAddsUpOverEverySequenceOfPaymentsAndAdjustments(@ForAll("scenarios") Scenario scenario) {
        var invoice = new InvoiceOnLedger(scenario);
        for (var step : scenario.steps()) {
            if (step.payment()) {
                invoice.pay(step.perMille());
            } else {
                invoice.adjust("agmt-" + step.agreement(), step.perMille());
            }
            invoice.checkInvariants();
        }
        // Settle: pay what is still owed. Then nothing of the invoice's net waits in clearing (on a bundle, at most
        // a few minor units, see slack()).
        invoice.pay(1000);
        invoice.checkInvariants();
        assertThat(invoice.balanceOf(invoice.clearing).abs()).isLessThanOrEqualTo(invoice.slack());
    }

    /**
     * Found by the property above: crediting the direct line (agmt-1) leaves clearing short by the cent its payee
     * holds, so the next credit, a partner's line, must take back more net than the refund's share, all of it from
     * the ISV, who paid a 100% fee on it. The fee must come back with the net, or the marketplace keeps more fee than
     * its payees hold.
     */
    @Example
    void aCreditThatTakesBackMoreThanTheRefundsShareTakesTheFeeBackWithIt() {
        var scenario = new Scenario(
                "USD",
                "5",
                List.of(new LineSpec(0, 2, 0L), new LineSpec(1, 952, null)),
                List.of(
                        new Step(true, 0, 1),
                        new Step(true, 0, 1),
                        new Step(true, 0, 1),
                        new Step(false, 1, 999),
                        new Step(false, 0, 500)),
                List.of(BigDecimal.ZERO, new BigDecimal("100")));
        moneyAddsUpOverEverySequenceOfPaymentsAndAdjustments(scenario);
    }

    @Property(tries = 10_000)
    void creditingEverythingLeavesNothingAnywhere(@ForAll("scenarios") Scenario scenario) {
        var invoice = new InvoiceOnLedger(scenario);
        for (var step : scenario.steps()) {
            if (step.payment()) {
                invoice.pay(step.perMille());
            }
        }
        invoice.adjust("agmt-0", 1000);
        invoice.adjust("agmt-1", 1000);
        invoice.checkInvariants();
        assertThat(invoice.balance.credited()).isEqualTo(invoice.balance.total());
        assertThat(invoice.balance.refunded()).isEqualTo(invoice.balance.paid());
        // Everything billed is given back, and everything collected is taken back from its payees and refunded.
        for (var account : invoice.ledger.keySet()) {
            assertThat(invoice.balanceOf(account)).as(account.toString()).isEqualTo(invoice.zero);
        }
    }

    /** One invoice, its balance and a ledger holding only its entries. */
    static final class InvoiceOnLedger {

        final CurrencyUnit currency;
        final Money zero;
        final LedgerAccount receivable;
        final LedgerAccount buyerCredit;
        final LedgerAccount clearing;
        final LedgerAccount taxPayable;
        final LedgerAccount cash;
        final LedgerAccount fees;
        final Invoice invoice;
        final Map<String, BigDecimal> feeRates;
        final Map<LedgerAccount, Money> ledger = new HashMap<>();
        final List<Posting> collected = new ArrayList<>();
        final List<Posting> memoPostings = new ArrayList<>();
        List<OriginalLine> lines;
        InvoiceBalance balance;
        int memos;

        InvoiceOnLedger(Scenario scenario) {
            currency = CurrencyUnit.of(scenario.currency());
            zero = Money.zero(currency);
            receivable = new LedgerAccount(AgreementInvoices.BUYER, AccountRole.BUYER_RECEIVABLE, currency);
            buyerCredit = new LedgerAccount(AgreementInvoices.BUYER, AccountRole.BUYER_CREDIT, currency);
            clearing = LedgerAccount.marketplace(AccountRole.MARKETPLACE_CLEARING, currency);
            taxPayable = LedgerAccount.marketplace(AccountRole.TAX_PAYABLE, currency);
            cash = LedgerAccount.marketplace(AccountRole.MARKETPLACE_CASH, currency);
            fees = LedgerAccount.marketplace(AccountRole.FEE_REVENUE, currency);
            feeRates = Map.of(
                    "agmt-0",
                    scenario.feeRates().get(0),
                    "agmt-1",
                    scenario.feeRates().get(1));
            // As the invoicing run issues it: the tax of the subtotal in one rounding, divided over the lines.
            var specs = scenario.lines();
            var amounts =
                    specs.stream().map(l -> Money.ofMinor(currency, l.amount())).toList();
            var subtotal = Money.total(amounts);
            var tax = TaxAllocation.tax(subtotal, new BigDecimal(scenario.taxRate()));
            var taxes = TaxAllocation.allocate(tax, amounts);
            var invoiceLines = new ArrayList<InvoiceLine>();
            for (int i = 0; i < specs.size(); i++) {
                var wholesale = specs.get(i).wholesale();
                invoiceLines.add(AgreementInvoices.line(
                        i + 1,
                        "agmt-" + specs.get(i).agreement(),
                        amounts.get(i),
                        taxes.get(i),
                        wholesale == null ? null : Money.ofMinor(currency, wholesale)));
            }
            invoice = AgreementInvoices.of(invoiceLines);
            lines = CreditMemos.originalLines(invoice, List.of());
            balance = InvoiceBalance.unpaid(invoice.total());
            var issue = new ArrayList<Posting>();
            issue.add(new Posting(receivable, clearing, subtotal));
            if (tax.isPositive()) {
                issue.add(new Posting(receivable, taxPayable, tax));
            }
            post(new JournalEntry("invoice:1", "INVOICE_ISSUED", "inv-1", AT, issue));
        }

        /**
         * Applies a share of the open amount as collections do ({@code Collecting}): the payment, then the collection
         * split of all that left the receivable before, with each ISV's listing fee out of its share.
         */
        void pay(int perMille) {
            var open = balance.open();
            if (!open.isPositive()) {
                return;
            }
            var amount = perMille == 1000
                    ? open
                    : LargestRemainder.share(open, Money.ofMinor(currency, perMille), Money.ofMinor(currency, 1000));
            if (!amount.isPositive()) {
                return;
            }
            post(new JournalEntry(
                    "payment:" + collected.size(),
                    "PAYMENT_RECEIVED",
                    "inv-1",
                    AT,
                    List.of(new Posting(cash, receivable, amount))));
            var split = new ArrayList<Posting>();
            var collection = CollectionSplit.of(invoice, balance.total().minus(open), amount, feeRates);
            for (var share : collection.shares()) {
                var payee =
                        new LedgerAccount(share.payee().partyId(), share.payee().role(), currency);
                split.add(new Posting(clearing, payee, share.amount()));
            }
            for (var fee : collection.fees()) {
                split.add(new Posting(
                        new LedgerAccount(fee.payerPartyId(), AccountRole.SELLER_PAYABLE, currency),
                        fees,
                        fee.amount()));
            }
            if (!split.isEmpty()) {
                post(new JournalEntry("collection:" + collected.size(), "COLLECTED", "inv-1", AT, split));
                collected.addAll(split);
            }
            balance = new InvoiceBalance(
                    balance.total(), balance.paid().plus(amount), balance.credited(), balance.refunded());
        }

        void adjust(String agreement, int perMille) {
            var adjustable = CreditMemos.adjustable(currency, lines, agreement);
            if (!adjustable.isPositive()) {
                return;
            }
            var credit = perMille == 1000
                    ? adjustable
                    : LargestRemainder.share(
                            adjustable, Money.ofMinor(currency, perMille), Money.ofMinor(currency, 1000));
            if (!credit.isPositive()) {
                return;
            }
            var held = held();
            var standing = SplitReversal.standing(collected, memoPostings);
            var plan = CreditMemos.plan(invoice, lines, balance, standing, agreement, credit);
            checkPlan(plan, held, standing);
            var memo = "inv-memo-" + ++memos;
            for (var entry : CreditMemoEntries.entries(memo, "inv-1", AgreementInvoices.BUYER, plan, AT)) {
                post(entry);
                if (entry.idempotencyKey().startsWith("credit-memo:")) {
                    memoPostings.addAll(entry.postings());
                }
            }
            lines = lines.stream()
                    .map(line -> plan.lines().stream()
                            .filter(c -> c.lineNo() == line.lineNo())
                            .findFirst()
                            .map(line::credit)
                            .orElse(line))
                    .toList();
            balance = new InvoiceBalance(
                    balance.total(),
                    balance.paid(),
                    balance.credited().plus(plan.amount()),
                    balance.refunded().plus(plan.refund()));
        }

        /** Parts sum to wholes; nothing is refunded beyond what is held, nor reversed beyond what stands. */
        void checkPlan(Plan plan, Money held, List<SplitReversal.Leg> standing) {
            assertThat(plan.net().plus(plan.tax())).isEqualTo(plan.amount());
            assertThat(plan.unpaid().plus(plan.refund())).isEqualTo(plan.amount());
            assertThat(plan.unpaidNet().plus(plan.refundNet())).isEqualTo(plan.net());
            assertThat(plan.lines().stream().map(CreditedLine::amount).reduce(zero, Money::plus))
                    .isEqualTo(plan.net());
            assertThat(plan.lines().stream().map(CreditedLine::tax).reduce(zero, Money::plus))
                    .isEqualTo(plan.tax());
            assertThat(plan.net().isNegative() || plan.tax().isNegative()).isFalse();
            assertThat(plan.unpaidNet()).isLessThanOrEqualTo(plan.unpaid());
            assertThat(plan.refundNet()).isLessThanOrEqualTo(plan.refund());
            assertThat(plan.refund()).isLessThanOrEqualTo(held);
            var collectedNet = SplitReversal.outOfClearing(standing, zero);
            var returned = SplitReversal.returnedToClearing(plan.reversal(), zero);
            // The reversal gives back the refund's share of the net collected (a bundle's within the slack).
            var share = SplitReversal.proportionalNet(standing, plan.refund(), held);
            assertThat(returned.minus(share).abs())
                    .isLessThanOrEqualTo(slack().plus(Money.ofMinor(currency, lines.size())));
            assertThat(returned).isLessThanOrEqualTo(collectedNet);
            if (!bundled()) {
                assertThat(returned).isEqualTo(plan.refundNet());
                assertThat(returned).isEqualTo(share);
            }
            for (var posting : plan.reversal()) {
                var leg = standing.stream()
                        .filter(l ->
                                l.debit().equals(posting.credit()) && l.credit().equals(posting.debit()))
                        .findFirst()
                        .orElseThrow();
                assertThat(posting.amount()).isLessThanOrEqualTo(leg.amount());
            }
        }

        void checkInvariants() {
            assertThat(balance.credited()).isLessThanOrEqualTo(balance.total());
            assertThat(balance.refunded()).isLessThanOrEqualTo(balance.paid());
            // The buyer owes on the ledger what the balance says is open, and got every refund paid out.
            assertThat(balanceOf(receivable)).isEqualTo(balance.open());
            assertThat(balanceOf(buyerCredit)).isEqualTo(zero);
            assertThat(balanceOf(cash)).isEqualTo(held());
            // Tax payable holds the tax billed and not credited; clearing the net of what is still open.
            var taxLeft = lines.stream().map(OriginalLine::remainingTax).reduce(zero, Money::plus);
            assertThat(balanceOf(taxPayable).negated()).isEqualTo(taxLeft);
            // The net not credited is in clearing or with the payees, always.
            var inClearing = balanceOf(clearing).negated();
            var collectedNet = SplitReversal.outOfClearing(SplitReversal.standing(collected, memoPostings), zero);
            var netLeft = lines.stream().map(OriginalLine::remainingAmount).reduce(zero, Money::plus);
            assertThat(inClearing.plus(collectedNet)).isEqualTo(netLeft);
            // Clearing holds no more net than is open and the payees no more than is held: exactly so on an
            // invoice of one agreement; on a bundle within the slack.
            var slack = slack();
            assertThat(inClearing).isGreaterThanOrEqualTo(slack.negated());
            assertThat(inClearing).isLessThanOrEqualTo(balance.open().plus(slack));
            assertThat(collectedNet).isLessThanOrEqualTo(held().plus(slack));
            // The marketplace holds listing fees only out of what its payees still hold: never negative, never more.
            var feeRevenue = balanceOf(fees).negated();
            assertThat(feeRevenue.isNegative()).isFalse();
            assertThat(feeRevenue).isLessThanOrEqualTo(collectedNet);
        }

        /**
         * How far clearing may be from the open net on a bundle (CreditMemos.plan): each credit memo may leave at most a
         * minor unit per line, as the tax divided over the lines may be that far from the money's share of it.
         */
        Money slack() {
            return Money.ofMinor(currency, bundled() ? (long) memos * lines.size() : 0);
        }

        /** What the buyer paid and was not given back. */
        Money held() {
            return balance.paid().minus(balance.refunded());
        }

        /** Whether the invoice bills more than one agreement. */
        boolean bundled() {
            return lines.stream().map(OriginalLine::agreementId).distinct().count() > 1;
        }

        void post(JournalEntry entry) {
            var debits = zero;
            var credits = zero;
            for (var posting : entry.postings()) {
                assertThat(posting.amount().isPositive()).isTrue();
                debits = debits.plus(posting.amount());
                credits = credits.plus(posting.amount());
                ledger.merge(posting.debit(), posting.amount(), Money::plus);
                ledger.merge(posting.credit(), posting.amount().negated(), Money::plus);
            }
            assertThat(debits).isEqualTo(credits);
        }

        /** Debits minus credits. */
        Money balanceOf(LedgerAccount account) {
            return ledger.getOrDefault(account, zero);
        }
    }
}
