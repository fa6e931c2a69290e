package io.offerdesk.agreements.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The buyer put purchase orders on charges of an agreement after accepting it; each charge is a new revision. */
public record AgreementPurchaseOrdersUpdated(
        String agreementId,
        UUID proposerPartyId,
        UUID acceptorPartyId,
        List<ChargeLine> charges,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    public AgreementPurchaseOrdersUpdated {
        charges = List.copyOf(charges);
    }

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
        return acceptorPartyId.toString();
    }
}
