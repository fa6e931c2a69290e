package io.offerdesk.offers.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An offer was released: its buyers (or everyone, for a public offer) can now see and accept it.
 *
 * @param buyerAccounts the accounts a private offer targets; empty for a public offer
 * @param expiresAt the last instant it can be accepted; absent for a public offer
 */
public record OfferReleased(
        String offerId,
        UUID sellerPartyId,
        String productId,
        List<String> buyerAccounts,
        @Nullable Instant expiresAt,
        Actor actor,
        Instant occurredAt)
        implements OfferEvent {}
