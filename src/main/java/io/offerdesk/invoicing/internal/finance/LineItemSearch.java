package io.offerdesk.invoicing.internal.finance;

import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.shared.InvalidInput;
import java.time.Instant;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * ListAgreementInvoiceLineItems' filters; an absent one matches all.
 *
 * @param billingPeriod the month the invoice date falls in (UTC)
 * @param afterIssuedTime only groups of invoices issued after it (exclusive)
 * @param beforeIssuedTime only groups of invoices issued before it (exclusive)
 */
public record LineItemSearch(
        @Nullable String invoiceId,
        @Nullable InvoiceType invoiceType,
        @Nullable YearMonth billingPeriod,
        @Nullable Instant afterIssuedTime,
        @Nullable Instant beforeIssuedTime) {

    public static final LineItemSearch ALL = new LineItemSearch(null, null, null, null, null);

    /** AWS's {@code InvoiceBillingPeriodYearInteger} bounds. */
    public static final int FIRST_YEAR = 2023;

    public static final int LAST_YEAR = 2050;

    /** The billing period as AWS's {@code invoiceBillingPeriod{month, year}} gives it: both or neither. */
    public static @Nullable YearMonth billingPeriod(@Nullable Integer month, @Nullable Integer year) {
        if (month == null && year == null) {
            return null;
        }
        if (month == null || year == null || month < 1 || month > 12 || year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInput("invoiceBillingPeriod", "finance.billingPeriod");
        }
        return YearMonth.of(year, month);
    }
}
