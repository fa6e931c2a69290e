package io.offerdesk.invoicing.internal.domain;

import io.offerdesk.invoicing.InvoiceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.joda.money.Money;

/**
 * What became of an issued invoice: paid (by payments and by the buyer's credit), credited by credit memos, and
 * refunded of what was paid.
 */
public record InvoiceBalance(Money total, Money paid, Money credited, Money refunded) {

    public static InvoiceBalance unpaid(Money total) {
        var zero = Money.zero(total.getCurrencyUnit());
        return new InvoiceBalance(total, zero, zero, zero);
    }

    /** What the buyer still owes. */
    public Money open() {
        return total.minus(credited).minus(paid).plus(refunded);
    }

    /**
     * The invoice's status at {@code now}. An invoice is due on its due date and overdue from the next day (00:00
     * UTC), like an installment is charged at 00:00 UTC of its date.
     */
    public InvoiceStatus status(LocalDate dueDate, Instant now) {
        if (total.isPositive() && credited.equals(total)) {
            return InvoiceStatus.CREDITED;
        }
        if (!open().isPositive()) {
            return InvoiceStatus.PAID;
        }
        if (!now.isBefore(overdueFrom(dueDate))) {
            return InvoiceStatus.OVERDUE;
        }
        return paid.isPositive() || credited.isPositive() ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.OPEN;
    }

    /** The first instant at which an unpaid invoice with this due date is overdue. */
    public static Instant overdueFrom(LocalDate dueDate) {
        return dueDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
