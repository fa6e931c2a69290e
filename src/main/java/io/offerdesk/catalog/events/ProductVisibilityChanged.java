package io.offerdesk.catalog.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** A product became public, restricted, or public again. */
public record ProductVisibilityChanged(
        String productId, UUID sellerPartyId, long version, String from, String to, Actor actor, Instant occurredAt)
        implements ProductEvent {}
