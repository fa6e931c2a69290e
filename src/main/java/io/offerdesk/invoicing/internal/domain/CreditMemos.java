package io.offerdesk.invoicing.internal.domain;

import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * What a credit memo gives back: how much of an agreement's part of an invoice may still be credited, how a credit
 * divides into net and tax and over the original's lines, and which of it the buyer still owes (unpaid) or already
 * paid (refunded).
 *
 * <p>Each division works from what is left, not from the original amounts: the credit's net is its share of the net
 * still uncredited, and its lines' parts are shares of what each line has left. So however many credits follow each
 * other, no line, no net and no tax is ever credited beyond what was billed, and the credit that takes the rest takes
 * exactly the rest.
 */
public final class CreditMemos {

    private CreditMemos() {}

    /**
     * A line of the original invoice with what earlier credit memos gave back of it.
     *
     * @param amount the line's net amount as billed
     * @param tax the line's tax as billed
     */
    public record OriginalLine(int lineNo, Money amount, Money tax, Money creditedAmount, Money creditedTax) {

        public OriginalLine {
            Allocation.sameCurrency(amount, tax, creditedAmount, creditedTax);
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
        public static OriginalLine billed(int lineNo, Money amount, Money tax) {
            return new OriginalLine(lineNo, amount, tax, amount.withAmount(0), tax.withAmount(0));
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

    /**
     * The invoice's balance: what it bills, what was paid on it, credited against it and refunded of it.
     *
     * @param paid every amount applied to the invoice (payments and buyer credit); refunds do not lower it
     */
    public record Balance(Money total, Money paid, Money credited, Money refunded) {

        public Balance {
            Allocation.sameCurrency(total, paid, credited, refunded);
            // The compact constructor sees its parameters, not yet the fields open() and held() read.
            var open = total.minus(credited).minus(paid).plus(refunded);
            if (open.isNegative() || refunded.isGreaterThan(paid) || credited.isGreaterThan(total)) {
                throw new IllegalArgumentException("Inconsistent balance " + this);
            }
        }

        /** What the buyer still owes. */
        public Money open() {
            return total.minus(credited).minus(paid).plus(refunded);
        }

        /** What the buyer paid and was not given back: the most a refund may return. */
        public Money held() {
            return paid.minus(refunded);
        }

        /** After a credit memo. */
        public Balance credit(Plan plan) {
            return new Balance(total, paid, credited.plus(plan.amount()), refunded.plus(plan.refund()));
        }
    }

    /** One line of a credit memo: what it gives back of the original's line {@code lineNo}. */
    public record CreditedLine(int lineNo, Money amount, Money tax) {

        public Money total() {
            return amount.plus(tax);
        }
    }

    /**
     * A credit memo as computed: {@code amount = net + tax = Σ lines = unpaid + refund}.
     *
     * @param unpaid the part that lowers what the buyer owes
     * @param refund the part that goes back to the buyer because it was paid
     */
    public record Plan(Money amount, Money net, Money tax, List<CreditedLine> lines, Money unpaid, Money refund) {

        public Plan {
            lines = List.copyOf(lines);
        }
    }

    /** The most that may still be credited of these lines (an agreement's part of an invoice). */
    public static Money adjustable(CurrencyUnit currency, List<OriginalLine> lines) {
        return lines.stream().map(OriginalLine::remaining).reduce(Money.zero(currency), Money::plus);
    }

    /**
     * The credit memo for {@code credit} against the lines. The credit lowers what the buyer still owes first, and
     * refunds only the rest, so a buyer who owes is never paid out.
     *
     * @param lines the lines of the agreement the credit is for, with what was credited of them before
     * @throws IllegalArgumentException when the credit is not positive or exceeds what the lines have left
     */
    public static Plan plan(Money credit, List<OriginalLine> lines, Balance balance) {
        var currency = credit.getCurrencyUnit();
        Allocation.sameCurrency(balance.total(), credit);
        var remaining = adjustable(currency, lines);
        if (!credit.isPositive() || credit.isGreaterThan(remaining)) {
            throw new IllegalArgumentException("Cannot credit " + credit + " of " + remaining + " left");
        }
        if (credit.isGreaterThan(balance.total().minus(balance.credited()))) {
            throw new IllegalArgumentException("Cannot credit " + credit + " against " + balance);
        }
        var remainingNet = lines.stream().map(OriginalLine::remainingAmount).reduce(Money.zero(currency), Money::plus);
        var net = Allocation.share(credit, remainingNet, remaining);
        var tax = credit.minus(net);
        var amounts = Allocation.proportionally(
                net, lines.stream().map(OriginalLine::remainingAmount).toList());
        var taxes = Allocation.proportionally(
                tax, lines.stream().map(OriginalLine::remainingTax).toList());
        var credited = new ArrayList<CreditedLine>();
        for (int i = 0; i < lines.size(); i++) {
            if (amounts.get(i).isPositive() || taxes.get(i).isPositive()) {
                credited.add(new CreditedLine(lines.get(i).lineNo(), amounts.get(i), taxes.get(i)));
            }
        }
        var unpaid = credit.isGreaterThan(balance.open()) ? balance.open() : credit;
        return new Plan(credit, net, tax, credited, unpaid, credit.minus(unpaid));
    }
}
