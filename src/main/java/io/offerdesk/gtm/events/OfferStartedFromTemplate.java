package io.offerdesk.gtm.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;

/** An author started a draft offer from an offer template; the change set creates the offer. */
public record OfferStartedFromTemplate(
        String templateId, int templateVersion, String changeSetId, UUID partyId, Actor actor, Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "offer-template";
    }

    @Override
    public String entityId() {
        return templateId;
    }

    @Override
    public String ownerPartyId() {
        return partyId.toString();
    }
}
