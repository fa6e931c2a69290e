package io.offerdesk.offers.events;

import io.offerdesk.shared.AuditedEvent;
import java.util.UUID;

/** Every offer event is audited and belongs to the seller (or channel partner) that owns the offer. */
public sealed interface OfferEvent extends AuditedEvent
        permits OfferCreated, OfferUpdated, OfferReleased, OfferExpired, OfferViewed {

    String offerId();

    UUID sellerPartyId();

    @Override
    default String entityType() {
        return "offer";
    }

    @Override
    default String entityId() {
        return offerId();
    }

    @Override
    default String ownerPartyId() {
        return sellerPartyId().toString();
    }
}
