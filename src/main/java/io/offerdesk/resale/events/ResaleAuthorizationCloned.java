package io.offerdesk.resale.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** The ISV copied a resale authorization into a new draft, {@code authorizationId}. */
public record ResaleAuthorizationCloned(
        String authorizationId, UUID manufacturerPartyId, String sourceAuthorizationId, Actor actor, Instant occurredAt)
        implements ResaleAuthorizationEvent {}
