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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Offer sets through the change-set engine and the REST API: create, associate, release, and who sees them. */
@EndToEndTest
class OfferSetTests {

    @Autowired
    TestApi api;

    OfferFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(api);
    }

    @Test
    void createsAssociatesAndReleasesASetWithItsOffers() {
        var first = draft(product(), GLOBEX_ACCOUNT);
        var second = draft(product(), GLOBEX_ACCOUNT);

        var done = create("Analytics bundle", List.of(first, second), true);

        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        var setId = done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
        assertThat(setId).matches("offerset-[a-z0-9]{13}");
        var seller = api.get("/api/v1/offer-sets/" + setId, AUTHOR).json();
        assertThat(seller.at("/offerSet/state").asString()).isEqualTo("Released");
        assertThat(seller.at("/offerSet/associatedOfferIds").valueStream().map(JsonNode::asString))
                .containsExactly(first, second);
        assertThat(seller.at("/offers").findValuesAsString("state")).containsOnly("Released");
        for (var offerId : List.of(first, second)) {
            var offer = api.get("/api/v1/offers/" + offerId, AUTHOR).json();
            assertThat(offer.toString()).contains(setId);
        }
        var buyer = api.get("/api/v1/buyer/offer-sets/" + setId, GLOBEX);
        assertThat(buyer.status()).as(buyer.body()).isEqualTo(200);
        assertThat(buyer.json().at("/offers").findValuesAsString("sellerOfRecord"))
                .containsOnly("Acme Analytics");
        assertThat(buyer.json().at("/offers").findValuesAsString("publisher")).containsOnly("Acme Analytics");
        assertThat(api.get("/api/v1/buyer/offer-sets", GLOBEX)
                        .json()
                        .at("/offerSets")
                        .findValuesAsString("offerSetId"))
                .contains(setId);
    }

    @Test
    void anotherBuyerAndAnotherSellerAreToldTheSetDoesNotExist() {
        var setId = setIdOf(create(
                "Hidden bundle", List.of(draft(product(), GLOBEX_ACCOUNT), draft(product(), GLOBEX_ACCOUNT)), true));

        assertThat(api.get("/api/v1/buyer/offer-sets/" + setId, INITECH).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/offer-sets/" + setId, NIMBUS).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/offer-sets/" + setId + "/release", NIMBUS, "{}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/buyer/offer-sets", INITECH)
                        .json()
                        .at("/offerSets")
                        .findValuesAsString("offerSetId"))
                .doesNotContain(setId);
    }

    @Test
    void aDraftSetIsInvisibleToBuyersAndItsOffersStayDrafts() {
        var first = draft(product(), GLOBEX_ACCOUNT);
        var done = create("Draft bundle", List.of(first, draft(product(), GLOBEX_ACCOUNT)), false);
        var setId = setIdOf(done);

        assertThat(api.get("/api/v1/buyer/offer-sets/" + setId, GLOBEX).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/offers/" + first, AUTHOR).json().toString()).contains("\"Draft\"");
    }

    @Test
    void refusesOffersForOtherBuyersReleasedOffersAndASingleOfferRelease() {
        var otherBuyers = create(
                "Mixed buyers", List.of(draft(product(), GLOBEX_ACCOUNT), draft(product(), "500000000001")), false);
        assertThat(otherBuyers.at("/status").asString()).isEqualTo("FAILED");
        assertThat(otherBuyers.at("/changeSet/1/errorDetailList").findValuesAsString("code"))
                .contains("INCOMPATIBLE_TARGETING");

        var released =
                fixtures.run(AUTHOR, fixtures.privateOffer(product(), OfferFixtures.unique("R"), GLOBEX_ACCOUNT, null));
        var releasedId =
                released.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
        var withReleased = create("With released", List.of(draft(product(), GLOBEX_ACCOUNT), releasedId), false);
        assertThat(withReleased.at("/status").asString()).isEqualTo("FAILED");
        assertThat(withReleased.toString()).contains("only draft offers join an offer set");

        var lonely = create("Lonely", List.of(draft(product(), GLOBEX_ACCOUNT)), true);
        assertThat(lonely.at("/status").asString()).isEqualTo("FAILED");
        assertThat(lonely.toString()).contains("released with 2 to 7 offers");
    }

    @Test
    void refusesTwoOffersForOneProductAndAnOfferInTwoSets() {
        var product = product();
        var sameProduct =
                create("Same product", List.of(draft(product, GLOBEX_ACCOUNT), draft(product, GLOBEX_ACCOUNT)), false);
        assertThat(sameProduct.at("/changeSet/1/errorDetailList").findValuesAsString("code"))
                .contains("INCOMPATIBLE_PRODUCT");

        var shared = draft(product(), GLOBEX_ACCOUNT);
        setIdOf(create("First home", List.of(shared, draft(product(), GLOBEX_ACCOUNT)), false));
        var second = create("Second home", List.of(shared, draft(product(), GLOBEX_ACCOUNT)), false);
        assertThat(second.at("/status").asString()).isEqualTo("FAILED");
        assertThat(second.toString()).contains("an offer belongs to one offer set");
    }

    @Test
    void aMemberIsReleasedOnlyWithItsSetAndJoinsItOnlyByAssociation() {
        var first = draft(product(), GLOBEX_ACCOUNT);
        var setId = setIdOf(create("Together", List.of(first, draft(product(), GLOBEX_ACCOUNT)), false));

        var alone = fixtures.run(AUTHOR, List.of(OfferFixtures.change("ReleaseOffer", first, null, "{}")));

        assertThat(alone.at("/status").asString()).isEqualTo("FAILED");
        assertThat(alone.at("/changeSet/0/errorDetailList/0/message").asString())
                .contains("belongs to offer set " + setId, "ReleaseOfferSet");
        assertThat(api.get("/api/v1/offers/" + first, AUTHOR).json().toString()).contains("\"Draft\"");

        var createdInSet = api.post(
                "/api/v1/change-sets",
                AUTHOR,
                OfferFixtures.set(List.of(OfferFixtures.change(
                        "CreateOffer",
                        null,
                        null,
                        "{\"ProductId\":\"" + product() + "\",\"OfferSetId\":\"" + setId + "\"}"))));
        assertThat(createdInSet.status()).as(createdInSet.body()).isEqualTo(422);
        assertThat(createdInSet.body()).contains("changeSet[0].detailsDocument.OfferSetId", "AssociateOffers");
    }

    @Test
    void disassociatesOffersFromADraftSet() {
        var first = draft(product(), GLOBEX_ACCOUNT);
        var second = draft(product(), GLOBEX_ACCOUNT);
        var third = draft(product(), GLOBEX_ACCOUNT);
        var setId = setIdOf(create("Changing", List.of(first, second, third), false));

        var changed = api.finishedChangeSet(
                AUTHOR,
                api.post("/api/v1/offer-sets/" + setId + "/offers", AUTHOR, "{\"remove\":[\"" + second + "\"]}"));

        assertThat(changed.at("/status").asString()).as(changed.toString()).isEqualTo("SUCCEEDED");
        assertThat(api.get("/api/v1/offer-sets/" + setId, AUTHOR)
                        .json()
                        .at("/offerSet/associatedOfferIds")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly(first, third);
        assertThat(api.get("/api/v1/offers/" + second, AUTHOR).json().toString())
                .doesNotContain(setId);
    }

    @Test
    void refusesAnOfferChangedInTheSameChangeSet() {
        var first = draft(product(), GLOBEX_ACCOUNT);
        var second = draft(product(), GLOBEX_ACCOUNT);
        var body = "{\"changeSet\":[" + OfferFixtures.change("UpdateInformation", first, null, "{\"Name\":\"Renamed\"}")
                + ",{\"changeType\":\"CreateOfferSet\",\"entity\":{\"type\":\"OfferSet@1.0\"},\"changeName\":\"S\","
                + "\"detailsDocument\":{\"Name\":\"Both\"}},"
                + "{\"changeType\":\"AssociateOffers\",\"entity\":{\"type\":\"OfferSet@1.0\","
                + "\"identifier\":\"$S.Entity.Identifier\"},\"detailsDocument\":{\"Offers\":[{\"OfferId\":\"" + first
                + "\"},{\"OfferId\":\"" + second + "\"}]}}]}";

        var done = api.finishedChangeSet(AUTHOR, api.post("/api/v1/change-sets", AUTHOR, body));

        assertThat(done.at("/status").asString()).isEqualTo("FAILED");
        assertThat(done.toString()).contains("separate change sets");
    }

    /** A fresh SaaS product of Acme's with list prices: a buyer holds one agreement per product. */
    private String product() {
        var created = api.post("/api/v1/products", AUTHOR, """
                {"type":"SAAS","title":"%s","shortDescription":"For offer set tests",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"}],
                 "fulfillmentUrl":"https://acme.example/signup",
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"1200","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Set product")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    /** A complete private offer for the product and account, left a draft. */
    private String draft(String productId, String account) {
        var changes = new ArrayList<>(fixtures.privateOffer(productId, OfferFixtures.unique("Member"), account, null));
        changes.removeLast();
        var done = fixtures.run(AUTHOR, changes);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    private JsonNode create(String name, List<String> offerIds, boolean release) {
        var ids = String.join("\",\"", offerIds);
        return api.finishedChangeSet(
                AUTHOR,
                api.post(
                        "/api/v1/offer-sets",
                        AUTHOR,
                        "{\"name\":\"%s\",\"offerIds\":[\"%s\"],\"release\":%s}".formatted(name, ids, release)));
    }

    private static String setIdOf(JsonNode done) {
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }
}
