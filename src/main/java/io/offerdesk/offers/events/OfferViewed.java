package io.offerdesk.offers.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * A buyer account opened a released private offer for the first time (the buyer offer page, the buyer API, the
 * discovery API or a quote). Published once per offer and account.
 *
 * @param buyerAccountId the targeted account the viewer acts for
 */
public record OfferViewed(
        String offerId, UUID sellerPartyId, String productId, String buyerAccountId, Actor actor, Instant occurredAt)
        implements OfferEvent {}
