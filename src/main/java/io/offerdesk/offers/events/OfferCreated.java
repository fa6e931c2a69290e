package io.offerdesk.offers.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** A draft offer was created for a product. */
public record OfferCreated(
        String offerId, UUID sellerPartyId, String productId, String changeSetId, Actor actor, Instant occurredAt)
        implements OfferEvent {}
