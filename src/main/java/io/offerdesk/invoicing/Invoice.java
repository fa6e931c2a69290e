package io.offerdesk.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * An invoice or credit memo the marketplace, as merchant of record, issued to a buyer account for one seller of record
 * in one currency. Issued documents never change; what happens to them later (payments, credit memos) is kept beside.
 *
 * @param number sequential without gaps per invoicing entity
 * @param sellerPartyId the seller of record: the ISV, or the channel partner for a resold offer
 * @param taxRate the rate of the buyer's country in force when it was issued, absent when none applies
 * @param originalInvoiceId for a credit memo, the invoice it gives money back against
 */
public record Invoice(
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
        List<InvoiceLine> lines) {

    public Invoice {
        lines = List.copyOf(lines);
    }

    /** The agreements whose charges it bills, each once, in the order of its lines. */
    public List<String> agreementIds() {
        return lines.stream().map(InvoiceLine::agreementId).distinct().toList();
    }
}
