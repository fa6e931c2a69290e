package io.offerdesk.offers.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * A released offer's expiry passed (or was set to a past date, which is how an offer is cancelled): buyers can no
 * longer accept it.
 */
public record OfferExpired(
        String offerId, UUID sellerPartyId, String productId, Instant expiredAt, Actor actor, Instant occurredAt)
        implements OfferEvent {}
