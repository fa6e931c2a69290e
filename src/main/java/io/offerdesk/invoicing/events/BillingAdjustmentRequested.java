package io.offerdesk.invoicing.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A seller of record asked to give money back against an invoice; the request waits for its credit memo. */
public record BillingAdjustmentRequested(
        String billingAdjustmentRequestId,
        String originalInvoiceId,
        String agreementId,
        UUID sellerPartyId,
        UUID buyerPartyId,
        String currencyCode,
        BigDecimal adjustmentAmount,
        String adjustmentReasonCode,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "billing-adjustment-request";
    }

    @Override
    public String entityId() {
        return billingAdjustmentRequestId;
    }

    @Override
    public String ownerPartyId() {
        return sellerPartyId.toString();
    }
}
