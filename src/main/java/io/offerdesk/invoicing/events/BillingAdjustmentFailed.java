package io.offerdesk.invoicing.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A billing adjustment request could not be completed (VALIDATION_FAILED) and credited nothing.
 *
 * @param statusMessage why, as the request shows it
 * @param actor who asked for the adjustment
 */
public record BillingAdjustmentFailed(
        String billingAdjustmentRequestId,
        String originalInvoiceId,
        String agreementId,
        UUID sellerPartyId,
        String statusMessage,
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
