package io.offerdesk.offers.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.changesets.ChangeError;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.OfferSet;
import io.offerdesk.offers.OfferSetId;
import io.offerdesk.offers.OfferState;
import io.offerdesk.offers.Rule.TargetingRule;
import io.offerdesk.offers.internal.domain.OfferSetChange.AssociateOffers;
import io.offerdesk.offers.internal.domain.OfferSetChange.CreateOfferSet;
import io.offerdesk.offers.internal.domain.OfferSetChange.DisassociateOffers;
import io.offerdesk.offers.internal.domain.OfferSetChange.ReleaseOfferSet;
import io.offerdesk.offers.internal.domain.OfferSetChange.UpdateInformation;
import io.offerdesk.offers.internal.domain.OfferSetDecisions.Outcome;
import io.offerdesk.shared.AccountId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of offer sets: who may join, how many, and what releasing a set does. */
class OfferSetDecisionsTests {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final UUID OWNER = UUID.randomUUID();
    static final OfferSetId SET_ID = new OfferSetId("offerset-abcdefghijklm");
    static final AccountId GLOBEX = new AccountId("400000000001");
    static final AccountId INITECH = new AccountId("500000000001");

    int next;

    @Test
    void createsADraftWithItsNameAndNotes() {
        var outcome = OfferSetDecisions.decide(null, new CreateOfferSet("Bundle", "Read me"), context(Map.of()));

        var set = accepted(outcome).next();
        assertThat(set.id()).isEqualTo(SET_ID);
        assertThat(set.state()).isEqualTo(OfferState.DRAFT);
        assertThat(set.buyerNotes()).isEqualTo("Read me");
        assertThat(set.ownerPartyId()).isEqualTo(OWNER);
    }

    @Test
    void associatesDraftPrivateOffersForTheSameBuyersAndMarksThem() {
        var first = offer(GLOBEX);
        var second = offer(GLOBEX);

        var outcome = OfferSetDecisions.decide(empty(), associate(first, second), context(offers(first, second)));

        var accepted = accepted(outcome);
        assertThat(accepted.next().offerIds()).containsExactly(first.id(), second.id());
        assertThat(accepted.offers()).extracting(Offer::offerSetId).containsOnly(SET_ID.value());
    }

    @Test
    void refusesOffersForOtherBuyersForOneProductPublicReleasedOrUnknown() {
        var globex = offer(GLOBEX);
        var initech = offer(INITECH);
        var sameProduct = offer(GLOBEX, globex.productId());
        var publicOffer = Offer.draft(new OfferId("offer-publicoffer12"), OWNER, "prod-public123456", "P", NOW);
        var released = offer(GLOBEX).released(NOW);

        var outcome = OfferSetDecisions.decide(
                empty(),
                new AssociateOffers(List.of(
                        globex.id().value(),
                        initech.id().value(),
                        sameProduct.id().value(),
                        publicOffer.id().value(),
                        released.id().value(),
                        "offer-nosuchoffer123")),
                context(offers(globex, initech, sameProduct, publicOffer, released)));

        assertThat(rejected(outcome))
                .extracting(ChangeError::code)
                .contains("INCOMPATIBLE_TARGETING", "INCOMPATIBLE_PRODUCT", "INVALID_UPDATE_REQUEST");
        assertThat(rejected(outcome).toString())
                .contains("targets no buyer accounts", "only draft offers", "offer-nosuchoffer123 not found");
    }

    @Test
    void refusesAnEighthOfferAndAnOfferOfAnotherSet() {
        var members = new ArrayList<Offer>();
        for (int i = 0; i < 7; i++) {
            members.add(offer(GLOBEX).withOfferSetId(SET_ID.value()));
        }
        var full = empty().withOffers(members.stream().map(Offer::id).toList());
        var eighth = offer(GLOBEX);
        var elsewhere = offer(GLOBEX).withOfferSetId("offerset-otherset12345");
        var all = new ArrayList<>(members);
        all.add(eighth);
        all.add(elsewhere);

        var outcome = OfferSetDecisions.decide(full, associate(eighth, elsewhere), context(offers(all)));

        assertThat(rejected(outcome)).extracting(ChangeError::code).contains("TOO_MANY_OFFERS");
        assertThat(rejected(outcome).toString()).contains("an offer belongs to one offer set");
    }

    @Test
    void releasesTheSetWithItsOffersOnlyWithTwoOrMoreStillForTheSameBuyers() {
        var first = offer(GLOBEX).withOfferSetId(SET_ID.value());
        var second = offer(GLOBEX).withOfferSetId(SET_ID.value());
        var set = empty().withOffers(List.of(first.id(), second.id()));

        var released = accepted(OfferSetDecisions.decide(set, new ReleaseOfferSet(), context(offers(first, second))));
        assertThat(released.next().state()).isEqualTo(OfferState.RELEASED);
        assertThat(released.next().releasedAt()).isEqualTo(NOW);
        assertThat(released.offers()).containsExactly(first, second);

        var alone = empty().withOffers(List.of(first.id()));
        assertThat(rejected(OfferSetDecisions.decide(alone, new ReleaseOfferSet(), context(offers(first))))
                        .toString())
                .contains("2 to 7 offers");

        var retargeted = second.withTargeting(new TargetingRule(List.of(INITECH), List.of(), List.of()));
        assertThat(rejected(OfferSetDecisions.decide(set, new ReleaseOfferSet(), context(offers(first, retargeted)))))
                .extracting(ChangeError::code)
                .contains("INCOMPATIBLE_TARGETING");
    }

    @Test
    void aReleasedSetKeepsItsOffersButItsInformationChanges() {
        var first = offer(GLOBEX).withOfferSetId(SET_ID.value());
        var second = offer(GLOBEX).withOfferSetId(SET_ID.value());
        var set = empty().withOffers(List.of(first.id(), second.id())).released(NOW);

        assertThat(rejected(OfferSetDecisions.decide(
                                set,
                                new DisassociateOffers(List.of(first.id().value())),
                                context(offers(first, second))))
                        .toString())
                .contains("is released");
        var renamed =
                accepted(OfferSetDecisions.decide(set, new UpdateInformation("New name", null), context(Map.of())));
        assertThat(renamed.next().name()).isEqualTo("New name");
        assertThat(renamed.next().offerIds()).containsExactly(first.id(), second.id());
    }

    @Test
    void disassociatingClearsTheOffersSet() {
        var first = offer(GLOBEX).withOfferSetId(SET_ID.value());
        var second = offer(GLOBEX).withOfferSetId(SET_ID.value());
        var set = empty().withOffers(List.of(first.id(), second.id()));

        var outcome = accepted(OfferSetDecisions.decide(
                set, new DisassociateOffers(List.of(second.id().value())), context(offers(first, second))));

        assertThat(outcome.next().offerIds()).containsExactly(first.id());
        assertThat(outcome.offers())
                .singleElement()
                .satisfies(o -> assertThat(o.offerSetId()).isNull());
    }

    private OfferSet empty() {
        return OfferSet.draft(SET_ID, OWNER, "Bundle", NOW);
    }

    private Offer offer(AccountId buyer) {
        return offer(buyer, "prod-product%05d".formatted(next + 1));
    }

    private Offer offer(AccountId buyer, String productId) {
        next++;
        return Offer.draft(new OfferId("offer-member%07d".formatted(next)), OWNER, productId, "Member", NOW)
                .withTargeting(new TargetingRule(List.of(buyer), List.of(), List.of()));
    }

    private static AssociateOffers associate(Offer... offers) {
        return new AssociateOffers(
                List.of(offers).stream().map(o -> o.id().value()).toList());
    }

    private static Map<String, Offer> offers(Offer... offers) {
        return offers(List.of(offers));
    }

    private static Map<String, Offer> offers(List<Offer> offers) {
        var byId = new HashMap<String, Offer>();
        offers.forEach(o -> byId.put(o.id().value(), o));
        return byId;
    }

    private static OfferSetDecisions.Context context(Map<String, Offer> offers) {
        return new OfferSetDecisions.Context(NOW, OWNER, () -> SET_ID, offers);
    }

    private static Outcome.Accepted accepted(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return (Outcome.Accepted) outcome;
    }

    private static List<ChangeError> rejected(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected) outcome).errors();
    }
}
