package io.offerdesk.resale.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** The partner created an offer from a resale authorization; {@code offersCreated} is the new count. */
public record ResaleAuthorizationOfferCounted(
        String authorizationId,
        UUID manufacturerPartyId,
        String offerId,
        int offersCreated,
        Actor actor,
        Instant occurredAt)
        implements ResaleAuthorizationEvent {}
