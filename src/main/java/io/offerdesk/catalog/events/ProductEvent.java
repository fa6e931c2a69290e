package io.offerdesk.catalog.events;

import io.offerdesk.shared.AuditedEvent;
import java.util.UUID;

/** Every product event is audited and belongs to the seller that owns the product. */
public sealed interface ProductEvent extends AuditedEvent
        permits ProductCreated, ProductUpdated, PublicOfferChanged, ProductVisibilityChanged {

    String productId();

    UUID sellerPartyId();

    @Override
    default String entityType() {
        return "product";
    }

    @Override
    default String entityId() {
        return productId();
    }

    @Override
    default String ownerPartyId() {
        return sellerPartyId().toString();
    }
}
