package io.offerdesk.offers.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change set changed an existing offer.
 *
 * @param revision the offer's revision after the change set
 * @param changeTypes the change types applied to this offer, in order
 */
public record OfferUpdated(
        String offerId,
        UUID sellerPartyId,
        long revision,
        List<String> changeTypes,
        String changeSetId,
        Actor actor,
        Instant occurredAt)
        implements OfferEvent {}
