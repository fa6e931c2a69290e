package io.offerdesk.resale.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change set created a resale authorization as a draft (released too if the same change set released it).
 *
 * @param changeTypes the change types the change set applied to it, in order
 */
public record ResaleAuthorizationCreated(
        String authorizationId,
        UUID manufacturerPartyId,
        String productId,
        String resellerAccountId,
        List<String> changeTypes,
        String changeSetId,
        Actor actor,
        Instant occurredAt)
        implements ResaleAuthorizationEvent {}
