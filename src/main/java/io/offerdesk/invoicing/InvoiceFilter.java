package io.offerdesk.invoicing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Narrows a list of invoices; every absent field matches all. The caller's own invoices are the widest a list gets.
 *
 * @param from first invoice date, inclusive
 * @param to last invoice date, inclusive
 */
public record InvoiceFilter(
        @Nullable InvoiceType type,
        @Nullable String buyerAccountId,
        @Nullable String agreementId,
        @Nullable String currencyCode,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public static final InvoiceFilter ALL = new InvoiceFilter(null, null, null, null, null, null);
}
