package io.offerdesk.resale.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** A resale authorization became Active: it is shared with the reseller party from now on. */
public record ResaleAuthorizationReleased(
        String authorizationId,
        UUID manufacturerPartyId,
        UUID resellerPartyId,
        String productId,
        Actor actor,
        Instant occurredAt)
        implements ResaleAuthorizationEvent {}
