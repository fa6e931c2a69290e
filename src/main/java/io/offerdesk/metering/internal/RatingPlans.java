package io.offerdesk.metering.internal;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.events.AgreementAccepted;
import io.offerdesk.agreements.events.AgreementEnded;
import io.offerdesk.metering.internal.RatingRepository.Period;
import io.offerdesk.metering.internal.domain.Rating;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Plans the rating of every agreement with a usage rate card, synchronously in the transaction that accepts it (as
 * invoicing takes charges in, ADR 0014): an agreement never commits without its first billing period, so no period
 * is ever missed. An agreement that ends early stops its periods where it ended.
 */
@Component
class RatingPlans {

    private final RatingRepository ratings;
    private final Agreements agreements;

    RatingPlans(RatingRepository ratings, Agreements agreements) {
        this.ratings = ratings;
        this.agreements = agreements;
    }

    @EventListener
    void on(AgreementAccepted accepted) {
        if (!Rating.rated(accepted.terms())) {
            return;
        }
        var start = accepted.startTime();
        var end = accepted.endTime();
        if (end != null && !end.isAfter(start)) {
            return;
        }
        ratings.plan(
                accepted.agreementId(),
                publisher(accepted),
                accepted.acceptorPartyId(),
                end,
                new Period(accepted.agreementId(), start, Rating.periodEnd(start, end)));
    }

    @EventListener
    void on(AgreementEnded ended) {
        ratings.ended(ended.agreementId(), ended.occurredAt());
    }

    /** The product's seller (the publisher, also of a resold product) reads the rated usage, as it reads the usage. */
    private UUID publisher(AgreementAccepted accepted) {
        return agreements
                .find(accepted.agreementId())
                .map(Agreement::publisherPartyId)
                .orElse(accepted.proposerPartyId());
    }
}
