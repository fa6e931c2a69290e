package io.offerdesk.gtm.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The renewal engine could not draft the renewal of an agreement (the product is gone, a resale authorization lapsed,
 * the offer rules refused the draft); the reason is kept and shown, and the engine does not try again.
 */
public record RenewalFailed(
        String agreementId, UUID partyId, String mode, String reason, Actor actor, Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "agreement";
    }

    @Override
    public String entityId() {
        return agreementId;
    }

    @Override
    public String ownerPartyId() {
        return partyId.toString();
    }
}
