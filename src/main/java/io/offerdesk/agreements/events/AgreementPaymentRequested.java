package io.offerdesk.agreements.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The seller asked the buyer for a payment under the agreement's variable payment term.
 *
 * @param autoApproveAt when it is approved unless the buyer decides first; absent when it waits for the buyer
 */
public record AgreementPaymentRequested(
        String paymentRequestId,
        String agreementId,
        UUID proposerPartyId,
        UUID acceptorPartyId,
        String acceptorAccountId,
        String name,
        String currencyCode,
        BigDecimal chargeAmount,
        @Nullable Instant autoApproveAt,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "agreement-payment-request";
    }

    @Override
    public String entityId() {
        return paymentRequestId;
    }

    @Override
    public String ownerPartyId() {
        return proposerPartyId.toString();
    }
}
