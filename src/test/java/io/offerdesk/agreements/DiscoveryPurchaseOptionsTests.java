package io.offerdesk.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.offerdesk.agreements.Discovery.DiscoveredOffer;
import io.offerdesk.agreements.Discovery.DiscoveredOfferSet;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.shared.NotFound;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the Discovery API's {@code ListPurchaseOptions} and {@code GetOfferSet} read from {@link Discovery}: a buyer's
 * private offers across every product, each with its product, and its offer sets with their offers in order; nothing of
 * another buyer's, nothing for a seller, and no offer set once one of its offers has ended.
 */
@EndToEndTest
class DiscoveryPurchaseOptionsTests {

    static final String GLOBEX = AgreementFixtures.GLOBEX;
    static final String GLOBEX_ACCOUNT = AgreementFixtures.GLOBEX_ACCOUNT;

    @Autowired
    TestApi api;

    @Autowired
    Discovery discovery;

    @Autowired
    PrincipalSource principals;

    @Test
    void aBuyerFindsItsPrivateOffersAndOfferSetsAcrossProductsAndNoOneElseDoes() {
        var fixtures = new AgreementFixtures(api);
        var product = fixtures.saasProduct();
        var offer = fixtures.installmentOffer(product, GLOBEX_ACCOUNT);
        var first = fixtures.draftOffer(fixtures.saasProduct());
        var second = fixtures.draftOffer(fixtures.saasProduct());
        var set = fixtures.releasedOfferSet("Purchase options bundle", first, second);
        var globex = principal(GLOBEX);

        var offers = discovery.privateOffers(globex);
        var mine = offers.stream()
                .filter(found -> found.offer().id().value().equals(offer))
                .toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().product())
                .extracting(listing -> listing.productId().value())
                .isEqualTo(product);
        assertThat(mine.getFirst().option().sellerOfRecord().name()).isEqualTo("Acme Analytics");
        assertThat(ids(offers)).contains(first, second);

        var sets = discovery.offerSets(globex).stream()
                .filter(found -> found.set().id().value().equals(set))
                .toList();
        assertThat(sets).hasSize(1);
        assertThat(ids(sets.getFirst().offers())).containsExactly(first, second);
        assertThat(discovery.offerSet(globex, set).offers()).hasSize(2);

        var initech = principal(AgreementFixtures.INITECH);
        assertThat(ids(discovery.privateOffers(initech))).doesNotContain(offer, first, second);
        assertThat(discovery.offerSets(initech).stream().map(DiscoveredOfferSet::set))
                .noneMatch(found -> found.id().value().equals(set));
        assertThatExceptionOfType(NotFound.class).isThrownBy(() -> discovery.offerSet(initech, set));

        // Ending one offer's availability (a past date cancels a released offer) takes the whole set off.
        var cancelled = fixtures.offers()
                .run(
                        AgreementFixtures.AUTHOR,
                        List.of(OfferFixtures.change(
                                "UpdateAvailability",
                                first,
                                null,
                                "{\"AvailabilityEndDate\":\"%s\"}"
                                        .formatted(fixtures.offers().today().minusDays(1)))));
        assertThat(cancelled.at("/status").asString()).as(cancelled.toString()).isEqualTo("SUCCEEDED");
        assertThat(discovery.offerSets(globex).stream().map(DiscoveredOfferSet::set))
                .noneMatch(found -> found.id().value().equals(set));

        var seller = principal(AgreementFixtures.AUTHOR);
        assertThat(discovery.privateOffers(seller)).isEmpty();
        assertThat(discovery.offerSets(seller)).isEmpty();
    }

    private OfferdeskPrincipal principal(String email) {
        return principals.findLogin(email).orElseThrow().principal();
    }

    private static List<String> ids(List<DiscoveredOffer> offers) {
        return offers.stream().map(found -> found.offer().id().value()).toList();
    }
}
