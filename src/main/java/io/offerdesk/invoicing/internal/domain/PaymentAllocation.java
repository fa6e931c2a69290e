package io.offerdesk.invoicing.internal.domain;

import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;

/**
 * How money meets open invoices. A payment is applied to its invoice up to the open amount and the excess becomes the
 * buyer's credit; credit is applied to the buyer's open invoices in that currency, oldest first, until it runs out.
 *
 * @param applied what the invoice takes
 * @param excess what is left over for the buyer's credit balance
 */
public record PaymentAllocation(Money applied, Money excess) {

    public static PaymentAllocation of(Money amount, Money open) {
        if (!amount.isPositive() || open.isNegative()) {
            throw new IllegalArgumentException("Cannot apply " + amount + " to an open amount of " + open);
        }
        var applied = amount.isGreaterThan(open) ? open : amount;
        return new PaymentAllocation(applied, amount.minus(applied));
    }

    /** An invoice with money still open, as credit meets it. */
    public record OpenInvoice(String invoiceId, Money open) {}

    /** Credit applied to one invoice. */
    public record CreditUse(String invoiceId, Money amount) {}

    /**
     * Spends {@code available} credit on the invoices in the order given (the caller gives the oldest first); an
     * invoice takes at most its open amount.
     */
    public static List<CreditUse> credit(Money available, List<OpenInvoice> oldestFirst) {
        var uses = new ArrayList<CreditUse>();
        var left = available;
        for (var invoice : oldestFirst) {
            if (!left.isPositive()) {
                break;
            }
            if (!invoice.open().isPositive()) {
                continue;
            }
            var use = of(left, invoice.open()).applied();
            uses.add(new CreditUse(invoice.invoiceId(), use));
            left = left.minus(use);
        }
        return List.copyOf(uses);
    }
}
