package io.offerdesk.offers.internal;

import io.offerdesk.offers.events.OfferExpired;
import io.offerdesk.platform.DueWork;
import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces offers whose expiry (23:59:59.999 UTC of their availability end date) has passed. Each offer is claimed
 * by one node with {@code SKIP LOCKED} and announced once per expiry.
 */
@Component
class OfferExpiry implements DueWork {

    private static final int BATCH = 500;
    private static final Actor SYSTEM = Actor.system("Offer expiry");

    private final OfferRepository offers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    OfferExpiry(OfferRepository offers, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.offers = offers;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public Optional<Instant> nextDueAfter(Instant after) {
        // Due the first instant after the expiry, when the offer can no longer be accepted.
        return offers.nextExpiry().map(expiresAt -> expiresAt.plusMillis(1));
    }

    @Override
    public void runDue(Instant now) {
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transactions.execute(status -> {
                var expired = offers.claimExpired(now, BATCH);
                expired.forEach(offer -> events.publishEvent(new OfferExpired(
                        offer.id().value(), offer.sellerPartyId(), offer.productId(), offer.expiresAt(), SYSTEM, now)));
                return expired.size() == BATCH;
            }));
        }
    }
}
