package io.offerdesk.commitments.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;

/** A buyer organization stopped showing its remaining commitment headroom to a seller. */
public record CommitmentHeadroomRevoked(UUID buyerPartyId, UUID sellerPartyId, Actor actor, Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "commitment-headroom-share";
    }

    @Override
    public String entityId() {
        return sellerPartyId.toString();
    }

    @Override
    public String ownerPartyId() {
        return buyerPartyId.toString();
    }
}
