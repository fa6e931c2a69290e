package io.offerdesk.offers.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change set created or changed an offer set: its information, its offers, or its release (which releases its
 * offers, each announced by its own {@link OfferReleased}).
 *
 * @param ownerParty the seller or channel partner that owns the set
 * @param offerIds the set's offers after the change set
 * @param released whether the set is released after the change set
 * @param changeTypes the change types applied to the set, in order
 */
public record OfferSetChanged(
        String offerSetId,
        UUID ownerParty,
        long revision,
        List<String> offerIds,
        boolean released,
        List<String> changeTypes,
        String changeSetId,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    public OfferSetChanged {
        offerIds = List.copyOf(offerIds);
        changeTypes = List.copyOf(changeTypes);
    }

    @Override
    public String entityType() {
        return "offer-set";
    }

    @Override
    public String entityId() {
        return offerSetId;
    }

    @Override
    public String ownerPartyId() {
        return ownerParty.toString();
    }
}
