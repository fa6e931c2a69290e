package io.offerdesk.invoicing.internal.domain;

import io.offerdesk.invoicing.Invoice;
import io.offerdesk.ledger.Posting;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a credit memo gives back: how much of an agreement's part of an invoice may still be credited, how a credit
 * divides into net and tax and over the original's lines, and which of it the buyer still owes (unpaid) or already
 * paid (refunded).
 *
 * <p>Each division works from what is left, not from the original amounts, so however many credits follow each other
 * no line, no net and no tax is ever credited beyond what was billed, and the credit that takes the rest takes exactly
 * the rest.
 */
public final class CreditMemos {

    private CreditMemos() {}

    /**
     * A line of the original invoice with what earlier credit memos gave back of it.
     *
     * @param amount the line's net amount as billed
     * @param tax the line's tax as billed
     */
    public record OriginalLine(
            int lineNo, String agreementId, Money amount, Money tax, Money creditedAmount, Money creditedTax) {

        public OriginalLine {
            LargestRemainder.sameCurrency(amount, tax, creditedAmount, creditedTax);
            if (amount.isNegative()
                    || tax.isNegative()
                    || creditedAmount.isNegative()
                    || creditedTax.isNegative()
                    || creditedAmount.isGreaterThan(amount)
                    || creditedTax.isGreaterThan(tax)) {
                throw new IllegalArgumentException("Line " + lineNo + " credits more than it billed");
            }
        }

        /** A line nothing was credited of yet. */
        public static OriginalLine billed(int lineNo, String agreementId, Money amount, Money tax) {
            return new OriginalLine(lineNo, agreementId, amount, tax, amount.withAmount(0), tax.withAmount(0));
        }

        /** The line after a credit memo line gave back {@code credited} of it. */
        public OriginalLine credit(CreditedLine credited) {
            return new OriginalLine(
                    lineNo,
                    agreementId,
                    amount,
                    tax,
                    creditedAmount.plus(credited.amount()),
                    creditedTax.plus(credited.tax()));
        }

        public Money remainingAmount() {
            return amount.minus(creditedAmount);
        }

        public Money remainingTax() {
            return tax.minus(creditedTax);
        }

        public Money remaining() {
            return remainingAmount().plus(remainingTax());
        }
    }

    /** One line of a credit memo: what it gives back of the original's line {@code lineNo}. */
    public record CreditedLine(int lineNo, Money amount, Money tax) {}

    /**
     * A credit memo as computed: {@code amount = net + tax = Σ lines = unpaid + refund}, and {@code net = unpaidNet +
     * refundNet}.
     *
     * @param unpaid the part that lowers what the buyer owes
     * @param refund the part that goes back to the buyer because it was paid
     * @param unpaidNet the unpaid part's net, taken out of clearing; the rest of {@code unpaid} is tax
     * @param refundNet the refund's net, taken out of clearing after the reversal brought it back; the rest of {@code
     *     refund} is tax
     * @param reversal the postings that take the refund's share of the collection split back from its payees
     */
    public record Plan(
            Money amount,
            Money net,
            Money tax,
            List<CreditedLine> lines,
            Money unpaid,
            Money refund,
            Money unpaidNet,
            Money refundNet,
            List<Posting> reversal) {

        public Plan {
            lines = List.copyOf(lines);
            reversal = List.copyOf(reversal);
        }
    }

    /** The original's lines with what its credit memos gave back of each (a memo line credits the line of its number). */
    public static List<OriginalLine> originalLines(Invoice original, List<Invoice> creditMemos) {
        var lines = new ArrayList<OriginalLine>();
        for (var line : original.lines()) {
            var credited = OriginalLine.billed(line.lineNo(), line.agreementId(), line.amount(), line.tax());
            for (var memo : creditMemos) {
                for (var memoLine : memo.lines()) {
                    if (memoLine.lineNo() == line.lineNo()) {
                        credited =
                                credited.credit(new CreditedLine(memoLine.lineNo(), memoLine.amount(), memoLine.tax()));
                    }
                }
            }
            lines.add(credited);
        }
        return List.copyOf(lines);
    }

    /** The most that may still be credited of the agreement's lines of an invoice. */
    public static Money adjustable(CurrencyUnit currency, List<OriginalLine> lines, String agreementId) {
        return sum(currency, lines, agreementId, OriginalLine::remaining);
    }

    /**
     * The credit memo for {@code credit} against the agreement's lines of an invoice.
     *
     * <p>The credit lowers what the buyer still owes first and refunds only the rest, so a buyer who owes is never paid
     * out. Its net and tax follow the money. The unpaid part leaves the receivable as a payment would, so its net is
     * what the {@link CollectionSplit} would move out of clearing for it at that point of the invoice (collections count
     * the invoice's total less what is open, so they go on from where the credit left off); the refund takes back its
     * share of what the split gave the payees ({@link SplitReversal}). So clearing keeps exactly the net of what is
     * still owed, the payees exactly the net of what is still held, and tax payable the tax of what was billed and not
     * given back; a settled invoice leaves nothing in clearing.
     *
     * <p>For an invoice of one agreement those parts always fit the agreement's lines. An invoice that bills several
     * agreements divides its tax over lines of all of them, so the credited agreement's lines may hold a few minor
     * units more or less net than the money's shares say: the net then keeps to the lines (a credit memo never credits
     * a line beyond what it billed), and the parts take the difference where clearing and the split can give it.
     * Where neither can, clearing is off by those minor units until the invoice is settled or wholly credited.
     *
     * @param original the invoice credited
     * @param lines its lines, with what earlier credit memos gave back of them ({@link #originalLines})
     * @param balance the invoice's balance now
     * @param standing what still stands of the invoice's collection split ({@link SplitReversal#standing})
     * @throws IllegalArgumentException when the credit is not positive or exceeds what the agreement's lines have left
     */
    public static Plan plan(
            Invoice original,
            List<OriginalLine> lines,
            InvoiceBalance balance,
            List<SplitReversal.Leg> standing,
            String agreementId,
            Money credit) {
        var currency = credit.getCurrencyUnit();
        LargestRemainder.sameCurrency(balance.total(), credit);
        var zero = Money.zero(currency);
        var remaining = adjustable(currency, lines, agreementId);
        if (!credit.isPositive() || credit.isGreaterThan(remaining)) {
            throw new IllegalArgumentException("Cannot credit " + credit + " of " + remaining + " left");
        }
        var open = balance.open();
        var held = balance.paid().minus(balance.refunded());
        if (open.isNegative() || held.isNegative() || credit.isGreaterThan(open.plus(held))) {
            throw new IllegalArgumentException("Cannot credit " + credit + " against " + balance);
        }
        var unpaid = min(credit, open);
        var refund = credit.minus(unpaid);
        var unpaidShare = unpaid.isZero()
                ? zero
                : CollectionSplit.of(original, balance.total().minus(open), unpaid)
                        .net();
        var refundShare = SplitReversal.proportionalNet(standing, refund, held);
        // The invoice's net not yet credited is with the payees the collections split it to, or still in clearing for
        // the open amount. Each part's net may not take more net, nor leave more tax, than its side holds.
        var collectedNet = SplitReversal.outOfClearing(standing, zero);
        var openNet =
                clamp(sum(currency, lines, null, OriginalLine::remainingAmount).minus(collectedNet), zero, open);
        var unpaidLow = max(zero, unpaid.minus(open.minus(openNet)));
        var unpaidHigh = min(unpaid, openNet);
        var refundLow = max(zero, refund.minus(held.minus(collectedNet)));
        var refundHigh = min(refund, collectedNet);
        var agreementNet = sum(currency, lines, agreementId, OriginalLine::remainingAmount);
        var agreementTax = sum(currency, lines, agreementId, OriginalLine::remainingTax);
        var net = clamp(
                clamp(unpaidShare.plus(refundShare), unpaidLow.plus(refundLow), unpaidHigh.plus(refundHigh)),
                max(zero, credit.minus(agreementTax)),
                min(credit, agreementNet));
        // A difference goes to the unpaid part first, then to the refund, each within its side's bounds where it can.
        var unpaidNet = clamp(net.minus(refundShare), unpaidLow, unpaidHigh);
        var refundNet = clamp(net.minus(unpaidNet), refundLow, refundHigh);
        unpaidNet = clamp(net.minus(refundNet), max(zero, net.minus(refund)), min(unpaid, net));
        refundNet = net.minus(unpaidNet);
        // Refunding all that is held takes back all that stands, whatever the division: the payees then hold nothing
        // of this invoice, and clearing gets back what a bundle's earlier credit took too much of.
        var reversal = SplitReversal.reverse(
                standing, refund, held, refund.equals(held) ? collectedNet : min(refundNet, collectedNet));
        var tax = credit.minus(net);
        var ofAgreement =
                lines.stream().filter(l -> l.agreementId().equals(agreementId)).toList();
        var amounts = LargestRemainder.divide(
                net, ofAgreement.stream().map(OriginalLine::remainingAmount).toList());
        var taxes = LargestRemainder.divide(
                tax, ofAgreement.stream().map(OriginalLine::remainingTax).toList());
        var credited = new ArrayList<CreditedLine>();
        for (int i = 0; i < ofAgreement.size(); i++) {
            if (amounts.get(i).isPositive() || taxes.get(i).isPositive()) {
                credited.add(new CreditedLine(ofAgreement.get(i).lineNo(), amounts.get(i), taxes.get(i)));
            }
        }
        return new Plan(credit, net, tax, credited, unpaid, refund, unpaidNet, refundNet, reversal);
    }

    private static Money sum(
            CurrencyUnit currency,
            List<OriginalLine> lines,
            @Nullable String agreementId,
            Function<OriginalLine, Money> amount) {
        return lines.stream()
                .filter(l -> agreementId == null || l.agreementId().equals(agreementId))
                .map(amount)
                .reduce(Money.zero(currency), Money::plus);
    }

    private static Money clamp(Money value, Money low, Money high) {
        return min(max(value, low), high);
    }

    private static Money min(Money a, Money b) {
        return a.isLessThan(b) ? a : b;
    }

    private static Money max(Money a, Money b) {
        return a.isGreaterThan(b) ? a : b;
    }
}
