package io.offerdesk.analytics.internal.outcomes;

import io.offerdesk.agreements.events.AgreementAccepted;
import io.offerdesk.gtm.events.OfferPositioned;
import io.offerdesk.gtm.events.RenewalDrafted;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.events.OfferCreated;
import io.offerdesk.offers.events.OfferExpired;
import io.offerdesk.offers.events.OfferReleased;
import io.offerdesk.offers.events.OfferViewed;
import java.math.RoundingMode;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Builds the offer outcome read model from events, after their transactions commit (the outbox redelivers what
 * failed). Each listener is an idempotent upsert, so order and redelivery do not matter.
 */
@Component
class OutcomeProjection {

    private final OutcomeRepository outcomes;
    private final OfferQueries offers;

    OutcomeProjection(OutcomeRepository outcomes, OfferQueries offers) {
        this.outcomes = outcomes;
        this.offers = offers;
    }

    @ApplicationModuleListener
    void on(OfferCreated created) {
        outcomes.first(
                "drafted_at", created.offerId(), created.sellerPartyId(), created.productId(), created.occurredAt());
    }

    /**
     * The offer is read once, at its release, for the dimensions that cannot change afterwards: its pricing and payment
     * terms, its EULA, and whether it is a CPPO.
     */
    @ApplicationModuleListener
    void on(OfferReleased released) {
        var offer = offers.find(released.sellerPartyId(), released.offerId());
        outcomes.released(
                released.offerId(),
                released.sellerPartyId(),
                released.productId(),
                released.occurredAt(),
                released.expiresAt(),
                offer.map(Offer::publisherPartyId).orElse(null),
                offer.map(o -> PaymentSchedule.of(o).name()).orElse(null),
                offer.map(OutcomeProjection::eulaType).orElse(null),
                offer.map(o -> o.isResale() ? OfferOutcome.CPPO : OfferOutcome.SPO)
                        .orElse(null));
    }

    @ApplicationModuleListener
    void on(OfferViewed viewed) {
        outcomes.first(
                "first_viewed_at", viewed.offerId(), viewed.sellerPartyId(), viewed.productId(), viewed.occurredAt());
    }

    @ApplicationModuleListener
    void on(OfferExpired expired) {
        outcomes.first(
                "expired_at", expired.offerId(), expired.sellerPartyId(), expired.productId(), expired.expiredAt());
    }

    /** An automatic renewal books value but is not a buyer accepting the offer again. */
    @ApplicationModuleListener
    void on(AgreementAccepted accepted) {
        var renewal = accepted.renewedAgreementId() != null;
        // The agreement value is already in the currency's scale; UNNECESSARY fails loudly rather than round.
        var value =
                Money.of(CurrencyUnit.of(accepted.currencyCode()), accepted.agreementValue(), RoundingMode.UNNECESSARY);
        outcomes.agreement(
                accepted.agreementId(),
                accepted.offerId(),
                accepted.proposerPartyId(),
                accepted.acceptanceTime(),
                value,
                renewal);
        if (!renewal) {
            outcomes.first(
                    "accepted_at",
                    accepted.offerId(),
                    accepted.proposerPartyId(),
                    accepted.productId(),
                    accepted.acceptanceTime());
        }
    }

    @ApplicationModuleListener
    void on(OfferPositioned positioned) {
        outcomes.positioned(
                positioned.offerId(), positioned.partyId(), positioned.segment(), positioned.discountPercent());
    }

    @ApplicationModuleListener
    void on(RenewalDrafted drafted) {
        outcomes.renewalDrafted(
                drafted.agreementId(),
                drafted.offerId(),
                drafted.partyId(),
                drafted.mode(),
                drafted.agreementEnd(),
                drafted.occurredAt());
    }

    private static String eulaType(Offer offer) {
        var custom = offer.term(Term.LegalTerm.class).stream()
                .flatMap(legal -> legal.documents().stream())
                .anyMatch(d -> d.type() == Term.DocumentType.CUSTOM_EULA);
        return custom ? OfferOutcome.CUSTOM_EULA : OfferOutcome.STANDARD_EULA;
    }
}
