package io.offerdesk.invoicing.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Nothing is left open on an invoice: payments and the buyer's credit settled it. Not audited; the payment that
 * settled it is.
 */
public record InvoicePaid(
        String invoiceId,
        UUID buyerPartyId,
        UUID sellerPartyId,
        String currencyCode,
        BigDecimal total,
        Instant occurredAt) {}
