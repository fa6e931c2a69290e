package io.offerdesk.catalog.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** A limited product that no buyer could ever see was deleted with its dimensions and prices. */
public record ProductDeleted(String productId, UUID sellerPartyId, String title, Actor actor, Instant occurredAt)
        implements ProductEvent {}
