package io.offerdesk.resale.internal;

import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.ResaleAuthorizationSource;
import io.offerdesk.resale.ResaleAuthorization;
import io.offerdesk.resale.ResaleAuthorizationFilter;
import io.offerdesk.resale.ResaleAuthorizationStatus;
import io.offerdesk.resale.ResaleAuthorizations;
import io.offerdesk.resale.events.ResaleAuthorizationOfferCounted;
import io.offerdesk.shared.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resale authorizations the offers module builds channel partner offers from. Reads go through the reseller's
 * owner predicate; a claim counts the offer atomically in the caller's transaction.
 */
@Component
class ResaleAuthorizationClaims implements ResaleAuthorizationSource {

    /** Offers count against an authorization inside the partner's change set; the count itself is the system's. */
    private static final Actor COUNTER = Actor.system("Resale authorization offer count");

    private final ResaleAuthorizationRepository authorizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResaleAuthorizationClaims(
            ResaleAuthorizationRepository authorizations, ApplicationEventPublisher events, Clock clock) {
        this.authorizations = authorizations;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AuthorizationFacts> forReseller(UUID resellerPartyId, String authorizationId) {
        return authorizations.findShared(resellerPartyId, authorizationId).map(this::facts);
    }

    /** The newest page of the partner's inbox: what its offer composer lists. */
    @Override
    @Transactional(readOnly = true)
    public List<AuthorizationFacts> sharedWith(UUID resellerPartyId) {
        return authorizations
                .listShared(resellerPartyId, ResaleAuthorizationFilter.ALL, 0, ResaleAuthorizations.PAGE_MAX)
                .stream()
                .map(this::facts)
                .toList();
    }

    private AuthorizationFacts facts(ResaleAuthorization a) {
        return new AuthorizationFacts(
                a.id(),
                a.manufacturerPartyId(),
                a.productId(),
                a.status() == ResaleAuthorizationStatus.ACTIVE && !a.isExpired(clock.instant()),
                a.availabilityEndDate(),
                a.offersMaxQuantity(),
                a.offersCreated(),
                a.buyerAccounts(),
                a.maximumAgreementStartDate(),
                a.pricingModel(),
                a.wholesaleTerms(),
                a.netPaymentCeiling(),
                a.preExistingBuyerAgreement());
    }

    /** Joins the caller's transaction (the partner's change set), so the count and the offer commit together. */
    @Override
    @Transactional
    public boolean claim(String authorizationId, OfferId offerId, LocalDate today) {
        var claimed = authorizations.claim(authorizationId, today);
        claimed.ifPresent(counted -> events.publishEvent(new ResaleAuthorizationOfferCounted(
                authorizationId,
                counted.manufacturerPartyId(),
                offerId.value(),
                counted.offersCreated(),
                COUNTER,
                clock.instant())));
        return claimed.isPresent();
    }
}
