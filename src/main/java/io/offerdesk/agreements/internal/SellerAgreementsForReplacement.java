package io.offerdesk.agreements.internal;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementId;
import io.offerdesk.offers.ReplaceableAgreements;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells the offer rules about the agreements a seller proposed, for replacement offers. */
@Component
class SellerAgreementsForReplacement implements ReplaceableAgreements {

    private final AgreementRepository agreements;
    private final Clock clock;

    SellerAgreementsForReplacement(AgreementRepository agreements, Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
    }

    @Override
    public Optional<AgreementFacts> find(UUID sellerPartyId, String agreementId) {
        return AgreementId.parse(agreementId)
                .flatMap(agreements::find)
                .filter(agreement -> agreement.proposerPartyId().equals(sellerPartyId))
                .map(this::facts);
    }

    private AgreementFacts facts(Agreement agreement) {
        return new AgreementFacts(
                agreement.id().value(),
                agreement.proposerPartyId(),
                agreement.acceptorAccountId(),
                agreement.productId(),
                agreement.productType(),
                agreement.isActive(),
                agreement.status().wireName(),
                // Contract and contract-with-consumption agreements carry an upfront term; usage, subscriptions and
                // free trials do not.
                agreement.term(FixedUpfrontPricingTerm.class).isPresent()
                        || agreement.term(ConfigurableUpfrontPricingTerm.class).isPresent(),
                agreement.endTime(),
                agreement.isFutureDated(clock.instant()),
                agreement.resaleAuthorizationId());
    }
}
