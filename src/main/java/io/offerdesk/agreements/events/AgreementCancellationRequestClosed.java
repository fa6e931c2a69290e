package io.offerdesk.agreements.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A cancellation request stopped waiting: the buyer approved it (the agreement's own {@link AgreementEnded} follows)
 * or rejected it, the seller withdrew it, or it failed because the agreement ended some other way.
 *
 * @param status APPROVED, REJECTED, CANCELLED (withdrawn) or VALIDATION_FAILED
 * @param statusMessage the rejection or withdrawal reason, or why it failed
 */
public record AgreementCancellationRequestClosed(
        String cancellationRequestId,
        String agreementId,
        UUID proposerPartyId,
        UUID acceptorPartyId,
        String status,
        @Nullable String statusMessage,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String action() {
        return "AgreementCancellationRequest" + Closing.verb(status);
    }

    @Override
    public String entityType() {
        return "agreement-cancellation-request";
    }

    @Override
    public String entityId() {
        return cancellationRequestId;
    }

    /** The seller's when the seller withdrew it, the buyer's otherwise. */
    @Override
    public String ownerPartyId() {
        return Closing.owner(status, proposerPartyId, acceptorPartyId).toString();
    }
}
