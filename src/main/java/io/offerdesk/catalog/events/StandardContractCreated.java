package io.offerdesk.catalog.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;

/** The operator created a standard contract with its first version. */
public record StandardContractCreated(
        UUID contractId, String title, String version, UUID operatorPartyId, Actor actor, Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "standard-contract";
    }

    @Override
    public String entityId() {
        return contractId.toString();
    }

    @Override
    public String ownerPartyId() {
        return operatorPartyId.toString();
    }
}
