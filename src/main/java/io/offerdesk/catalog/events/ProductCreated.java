package io.offerdesk.catalog.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A seller created a product; it starts with limited visibility. */
public record ProductCreated(
        String productId,
        UUID sellerPartyId,
        String type,
        String title,
        List<String> dimensionKeys,
        Actor actor,
        Instant occurredAt)
        implements ProductEvent {}
