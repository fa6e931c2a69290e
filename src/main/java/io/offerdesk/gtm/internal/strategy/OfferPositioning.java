package io.offerdesk.gtm.internal.strategy;

import io.offerdesk.gtm.events.OfferPositioned;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.events.OfferReleased;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Places every released offer in its party's deal strategy as it stood at the release, and tells analytics once: the
 * recorded position makes a redelivered {@link OfferReleased} publish nothing new.
 */
@Component
class OfferPositioning {

    private final OfferQueries offers;
    private final DealStrategies strategies;
    private final StrategyRepository repository;
    private final ApplicationEventPublisher events;

    OfferPositioning(
            OfferQueries offers,
            DealStrategies strategies,
            StrategyRepository repository,
            ApplicationEventPublisher events) {
        this.offers = offers;
        this.strategies = strategies;
        this.repository = repository;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(OfferReleased released) {
        var offer = offers.find(released.sellerPartyId(), released.offerId());
        if (offer.isEmpty()) {
            return;
        }
        var position = strategies.position(offer.get());
        var rule = position.segment();
        var segment = rule == null ? null : rule.name();
        if (repository.recordPosition(
                released.offerId(),
                released.sellerPartyId(),
                segment,
                position.discountPercent(),
                released.occurredAt())) {
            events.publishEvent(new OfferPositioned(
                    released.offerId(),
                    released.sellerPartyId(),
                    segment,
                    position.discountPercent(),
                    released.occurredAt()));
        }
    }
}
