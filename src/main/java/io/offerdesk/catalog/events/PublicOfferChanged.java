package io.offerdesk.catalog.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A seller set a product's public offer: its pricing models and list prices. */
public record PublicOfferChanged(
        String productId,
        UUID sellerPartyId,
        long version,
        List<String> pricingModels,
        int priceCount,
        Actor actor,
        Instant occurredAt)
        implements ProductEvent {}
