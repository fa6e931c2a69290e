package io.offerdesk.offers.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change set created an offer for a product (as a draft, released too if the same change set released it).
 *
 * @param changeTypes the change types that change set applied to the new offer, in order
 */
public record OfferCreated(
        String offerId,
        UUID sellerPartyId,
        String productId,
        List<String> changeTypes,
        String changeSetId,
        Actor actor,
        Instant occurredAt)
        implements OfferEvent {}
