package io.offerdesk.agreements.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A payment request stopped waiting: approved by the buyer or on expiry (its charge's {@link AgreementChargeDue}
 * follows), rejected, withdrawn by the seller, or failed because the agreement ended.
 *
 * @param status APPROVED, REJECTED, CANCELLED (withdrawn) or VALIDATION_FAILED
 * @param chargeId the agreement charge an approval made
 */
public record AgreementPaymentRequestClosed(
        String paymentRequestId,
        String agreementId,
        UUID proposerPartyId,
        UUID acceptorPartyId,
        String status,
        @Nullable String statusMessage,
        @Nullable String chargeId,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String action() {
        return "AgreementPaymentRequest" + Closing.verb(status);
    }

    @Override
    public String entityType() {
        return "agreement-payment-request";
    }

    @Override
    public String entityId() {
        return paymentRequestId;
    }

    /** The seller's when the seller withdrew it, the buyer's otherwise. */
    @Override
    public String ownerPartyId() {
        return Closing.owner(status, proposerPartyId, acceptorPartyId).toString();
    }
}
