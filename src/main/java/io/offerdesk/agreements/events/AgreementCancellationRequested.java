package io.offerdesk.agreements.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The seller asked the buyer to cancel an agreement early; the buyer approves or rejects it.
 *
 * @param reasonCode an AWS {@code AgreementCancellationRequestReasonCode}, e.g. TEST_AGREEMENT
 */
public record AgreementCancellationRequested(
        String cancellationRequestId,
        String agreementId,
        UUID proposerPartyId,
        UUID acceptorPartyId,
        String acceptorAccountId,
        String reasonCode,
        @Nullable String description,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "agreement-cancellation-request";
    }

    @Override
    public String entityId() {
        return cancellationRequestId;
    }

    @Override
    public String ownerPartyId() {
        return proposerPartyId.toString();
    }
}
