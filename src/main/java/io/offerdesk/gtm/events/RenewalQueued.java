package io.offerdesk.gtm.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The renewal engine drafted the renewal offer of an agreement and queued it for approval, acting for the party.
 *
 * @param approvalRequestId absent when the party's policy asks no approval of the draft
 */
public record RenewalQueued(
        String agreementId,
        String offerId,
        UUID partyId,
        String mode,
        BigDecimal increasePercent,
        @Nullable UUID approvalRequestId,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "offer";
    }

    @Override
    public String entityId() {
        return offerId;
    }

    @Override
    public String ownerPartyId() {
        return partyId.toString();
    }
}
