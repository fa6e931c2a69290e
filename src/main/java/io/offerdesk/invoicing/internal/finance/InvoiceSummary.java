package io.offerdesk.invoicing.internal.finance;

import io.offerdesk.invoicing.InvoiceStatus;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.invoicing.internal.domain.InvoiceBalance;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * An invoice or credit memo as lists show it: the issued document's header beside its balance today. A credit memo has
 * no balance of its own: its paid, credited, refunded and open amounts are zero.
 */
public record InvoiceSummary(
        String id,
        InvoiceType type,
        String invoicingEntity,
        long number,
        UUID buyerPartyId,
        String buyerAccountId,
        UUID sellerPartyId,
        LocalDate invoiceDate,
        Instant issuedAt,
        LocalDate dueDate,
        Money subtotal,
        Money tax,
        Money total,
        @Nullable String taxCountry,
        @Nullable BigDecimal taxRate,
        @Nullable String originalInvoiceId,
        Money paid,
        Money credited,
        Money refunded,
        Money open) {

    /** The invoice's status at {@code now}; absent for a credit memo. */
    public @Nullable InvoiceStatus status(Instant now) {
        return type == InvoiceType.INVOICE
                ? new InvoiceBalance(total, paid, credited, refunded).status(dueDate, now)
                : null;
    }
}
