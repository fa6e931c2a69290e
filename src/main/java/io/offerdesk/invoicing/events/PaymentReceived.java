package io.offerdesk.invoicing.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A buyer's payment against an invoice was recorded (or, in simulation, made).
 *
 * @param applied what the invoice took of it
 * @param toCredit the over-payment that became the buyer's credit
 */
public record PaymentReceived(
        String paymentId,
        String invoiceId,
        UUID buyerPartyId,
        UUID sellerPartyId,
        String currencyCode,
        BigDecimal amount,
        BigDecimal applied,
        BigDecimal toCredit,
        String reference,
        boolean simulated,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "invoice";
    }

    @Override
    public String entityId() {
        return invoiceId;
    }

    @Override
    public String ownerPartyId() {
        return buyerPartyId.toString();
    }
}
