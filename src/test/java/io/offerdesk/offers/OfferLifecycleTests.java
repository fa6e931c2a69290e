package io.offerdesk.offers;

import static io.offerdesk.offers.OfferFixtures.AUTHOR;
import static io.offerdesk.offers.OfferFixtures.GLOBEX;
import static io.offerdesk.offers.OfferFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.offers.OfferFixtures.INITECH;
import static io.offerdesk.offers.OfferFixtures.NIMBUS;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EndToEndTest
class OfferLifecycleTests {

    @Autowired
    TestApi api;

    OfferFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(api);
    }

    @Test
    void aTenChangeSetCreatesAndReleasesAPrivateOfferOnlyItsBuyerSees() {
        var name = OfferFixtures.unique("Globex 12 installments");
        var done = fixtures.run(
                AUTHOR, fixtures.privateOffer(fixtures.productId("Acme Insights"), name, GLOBEX_ACCOUNT, null));

        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        var identifier = done.at("/changeSet/9/entity/identifier").asString();
        assertThat(identifier).matches("offer-[a-z0-9]{13}@1");
        var id = identifier.replace("@1", "");

        var seller = api.get("/api/v1/offers/" + id, AUTHOR);
        assertThat(seller.status()).isEqualTo(200);
        assertThat(seller.json().at("/offer/state").asString()).isEqualTo("Released");
        assertThat(seller.json().at("/offer/status").asString()).isEqualTo("ACTIVE");
        assertThat(seller.json().at("/offer/price/installments").asInt()).isEqualTo(12);
        var details = seller.json().at("/offer/details");
        assertThat(details.at("/Id").asString()).isEqualTo(id);
        assertThat(details.at("/State").asString()).isEqualTo("Released");
        assertThat(details.toString()).contains("\"Type\":\"PaymentScheduleTerm\"", "T23:59:59.999Z");

        var revisions = api.get("/api/v1/offers/" + id + "/revisions", AUTHOR).json();
        assertThat(revisions).hasSize(1);
        assertThat(revisions.at("/0/changeTypes")).hasSize(10);
        var first = api.get("/api/v1/offers/" + id + "/revisions/1", AUTHOR);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().at("/details/Name").asString()).isEqualTo(name);

        assertThat(buyerOfferIds()).contains(id);
        var buyerView = api.get("/api/v1/buyer/offers/" + id, GLOBEX);
        assertThat(buyerView.status()).isEqualTo(200);
        assertThat(buyerView.json().at("/details/Description").isMissingNode()).isTrue();

        assertThat(api.get("/api/v1/buyer/offers/" + id, INITECH).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/buyer/offers", INITECH).json().at("/offers").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(api.get("/api/v1/offers/" + id, NIMBUS).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/offers/" + id, GLOBEX).status()).isEqualTo(404);
    }

    @Test
    void theSellersViewOfAnOfferNamesItsOtherReleasedOffersForTheSameProductAndBuyer() {
        var account = "7%011d".formatted(ThreadLocalRandom.current().nextLong(100_000_000_000L));
        var product = fixtures.productId("Acme Insights");
        var offer = fixtures.releasedOffer(account);
        var competing = fixtures.releasedOffer(account);
        var toAnotherBuyer = fixtures.releasedOffer("8" + account.substring(1));
        var draftChanges = fixtures.privateOffer(product, OfferFixtures.unique("Draft"), account, null);
        var draft = fixtures.run(AUTHOR, draftChanges.subList(0, draftChanges.size() - 1))
                .at("/changeSet/0/entity/identifier")
                .asString()
                .replaceAll("@.*", "");

        var view = api.get("/api/v1/offers/" + offer, AUTHOR);

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().at("/competingOffers").findValuesAsString("id"))
                .as(
                        "not the offer itself (%s), one to another buyer (%s) or a draft (%s)",
                        offer, toAnotherBuyer, draft)
                .containsExactly(competing);
    }

    /** Every offer Globex can accept, page by page: other tests make offers for Globex too. */
    private List<String> buyerOfferIds() {
        var ids = new ArrayList<String>();
        for (var offset = 0; ; offset += 100) {
            var page = api.get("/api/v1/buyer/offers?limit=100&offset=" + offset, GLOBEX)
                    .json()
                    .at("/offers")
                    .findValuesAsString("id");
            ids.addAll(page);
            if (page.size() < 100) {
                return ids;
            }
        }
    }
}
