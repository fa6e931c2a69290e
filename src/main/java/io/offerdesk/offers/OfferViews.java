package io.offerdesk.offers;

import io.offerdesk.offers.events.OfferViewed;
import io.offerdesk.offers.internal.OfferViewRepository;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.PartyKind;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buyers opening private offers: the first time a buyer account sees a released private offer (its page, the buyer
 * API, the discovery API, a quote) is recorded and published as {@link OfferViewed}, once per offer and account. A
 * user acting for several of the targeted accounts views the offer for each of them. Public offers, and anyone but a
 * buyer, record nothing.
 */
@Service
public class OfferViews {

    private final OfferQueries offers;
    private final OfferViewRepository views;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OfferViews(
            OfferQueries offers,
            OfferViewRepository views,
            UserManagement users,
            ApplicationEventPublisher events,
            Clock clock) {
        this.offers = offers;
        this.views = views;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** The released offer the buyer may see ({@link OfferQueries#forBuyer(OfferdeskPrincipal, String)}), viewed. */
    @Transactional
    public Offer open(OfferdeskPrincipal me, String offerId) {
        var offer = offers.forBuyer(me, offerId);
        viewed(me, offer);
        return offer;
    }

    /** Records that the buyer saw an offer it read through {@link OfferQueries}. */
    @Transactional
    public void viewed(OfferdeskPrincipal me, Offer offer) {
        if (me.partyKind() != PartyKind.BUYER || !offer.isPrivate() || offer.state() != OfferState.RELEASED) {
            return;
        }
        var mine = users.accountsOf(me);
        var now = clock.instant();
        var viewing = offer.buyerAccounts().stream()
                .filter(mine::contains)
                .map(AccountId::value)
                .toList();
        var first = views.recordFirst(offer.id().value(), viewing, offer.sellerPartyId(), now, me.userId());
        for (var account : viewing) {
            if (first.contains(account)) {
                events.publishEvent(new OfferViewed(
                        offer.id().value(), offer.sellerPartyId(), offer.productId(), account, me.actor(), now));
            }
        }
    }
}
