package io.offerdesk.catalog.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A seller replaced a product's content (texts, dimensions, delivery); {@code version} is the new version. */
public record ProductUpdated(
        String productId,
        UUID sellerPartyId,
        long version,
        String title,
        List<String> dimensionKeys,
        Actor actor,
        Instant occurredAt)
        implements ProductEvent {}
