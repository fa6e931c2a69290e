package io.offerdesk.invoicing.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A credit memo was issued against an invoice, numbered in the invoices' sequence. Amounts are decimals with the
 * currency's scale.
 *
 * @param agreementIds the agreements whose lines it credits, each once
 * @param refunded what of it went back to the buyer as money; the rest lowered what the buyer owed
 * @param actor who asked for the billing adjustment it completes
 */
public record CreditMemoIssued(
        String creditMemoId,
        String originalInvoiceId,
        String invoicingEntity,
        long number,
        UUID buyerPartyId,
        String buyerAccountId,
        UUID sellerPartyId,
        String currencyCode,
        BigDecimal subtotal,
        BigDecimal tax,
        BigDecimal total,
        BigDecimal refunded,
        LocalDate invoiceDate,
        List<String> agreementIds,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    public CreditMemoIssued {
        agreementIds = List.copyOf(agreementIds);
    }

    @Override
    public String entityType() {
        return "invoice";
    }

    @Override
    public String entityId() {
        return creditMemoId;
    }

    @Override
    public String ownerPartyId() {
        return sellerPartyId.toString();
    }
}
