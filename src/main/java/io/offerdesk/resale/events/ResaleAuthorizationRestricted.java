package io.offerdesk.resale.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** A resale authorization was restricted, for good: no new offers; the partner's existing offers stand. */
public record ResaleAuthorizationRestricted(
        String authorizationId, UUID manufacturerPartyId, UUID resellerPartyId, Actor actor, Instant occurredAt)
        implements ResaleAuthorizationEvent {}
