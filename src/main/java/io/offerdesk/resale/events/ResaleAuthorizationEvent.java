package io.offerdesk.resale.events;

import io.offerdesk.shared.AuditedEvent;
import java.util.UUID;

/** Every resale authorization event is audited and belongs to the ISV (manufacturer) that owns the authorization. */
public sealed interface ResaleAuthorizationEvent extends AuditedEvent
        permits ResaleAuthorizationCreated,
                ResaleAuthorizationUpdated,
                ResaleAuthorizationReleased,
                ResaleAuthorizationRestricted,
                ResaleAuthorizationCloned,
                ResaleAuthorizationOfferCounted {

    String authorizationId();

    UUID manufacturerPartyId();

    @Override
    default String entityType() {
        return "resale-authorization";
    }

    @Override
    default String entityId() {
        return authorizationId();
    }

    @Override
    default String ownerPartyId() {
        return manufacturerPartyId().toString();
    }
}
