package io.offerdesk.invoicing.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A billing adjustment request was completed: its credit memo is issued and the money moved. Amounts are decimals with
 * the currency's scale.
 *
 * @param refunded the part of the adjustment paid back to the buyer (what the buyer had paid of it); the rest lowered
 *     what the buyer owed
 * @param actor who asked for the adjustment
 */
public record BillingAdjustmentCompleted(
        String billingAdjustmentRequestId,
        String creditMemoId,
        String originalInvoiceId,
        String agreementId,
        UUID sellerPartyId,
        UUID buyerPartyId,
        String currencyCode,
        BigDecimal adjustmentAmount,
        BigDecimal refunded,
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
