package io.offerdesk.resale.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A change set changed a resale authorization; {@code revision} is its new revision. */
public record ResaleAuthorizationUpdated(
        String authorizationId,
        UUID manufacturerPartyId,
        long revision,
        List<String> changeTypes,
        String changeSetId,
        Actor actor,
        Instant occurredAt)
        implements ResaleAuthorizationEvent {}
