package io.offerdesk.offers;

import static io.offerdesk.offers.OfferFixtures.GLOBEX;
import static io.offerdesk.offers.OfferFixtures.GLOBEX_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The walk-through through the API: Acme authorizes Northwind to resell a product to Globex; Northwind bundles
 * the marked-up CPPO with its own migration service in an offer set; Globex accepts the set in one step; each party
 * then sees exactly its side of the CPPO agreement.
 */
@EndToEndTest
class CppoOfferSetTests {

    static final String ISV = ResaleOfferFixtures.ISV;
    static final String PARTNER = ResaleOfferFixtures.PARTNER;
    static final String NIMBUS = OfferFixtures.NIMBUS;

    @Autowired
    TestApi api;

    AgreementFixtures agreements;
    OfferFixtures offers;
    ResaleOfferFixtures resale;

    @BeforeEach
    void fixtures() {
        agreements = new AgreementFixtures(api);
        offers = agreements.offers();
        resale = new ResaleOfferFixtures(api);
    }

    @Test
    void eachRoleSeesExactlyItsSideOfTheCppoAgreementFromTheBundle() {
        var authorization = resale.authorization(agreements.saasProduct(), 30);
        var cppo = resale.cppoDraft(authorization, "8", true);
        var services = resale.servicesDraft();
        var set = api.finishedChangeSet(
                PARTNER,
                api.post(
                        "/api/v1/offer-sets",
                        PARTNER,
                        "{\"name\":\"Analytics with migration\",\"offerIds\":[\"%s\",\"%s\"],\"release\":true}"
                                .formatted(cppo, services)));
        assertThat(set.at("/status").asString()).as(set.toString()).isEqualTo("SUCCEEDED");
        var setId = ResaleOfferFixtures.id(set);
        var review = api.get("/api/v1/buyer/offer-sets/" + setId, GLOBEX).json();
        assertThat(review.at("/offers/0/sellerOfRecord").asString()).isEqualTo("Northwind Resellers");
        assertThat(review.at("/offers/0/publisher").asString()).isEqualTo("Acme Analytics");
        assertThat(review.at("/offers/1/publisher").asString()).isEqualTo("Northwind Resellers");

        var accepted = api.post(
                "/api/v1/buyer/offer-sets/" + setId + "/accept",
                GLOBEX,
                "{\"accountId\":\"%s\",\"eulaAcknowledged\":true}".formatted(GLOBEX_ACCOUNT));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().at("/agreements").findValuesAsString("offerSetId"))
                .containsExactly(setId, setId);
        var agreementId = accepted.json().at("/agreements/0/agreementId").asString();
        var servicesAgreement = accepted.json().at("/agreements/1/agreementId").asString();

        var buyer = agreement(agreementId, GLOBEX);
        assertThat(buyer.at("/sellerOfRecord/name").asString()).isEqualTo("Northwind Resellers");
        assertThat(buyer.at("/publisher/name").asString()).isEqualTo("Acme Analytics");
        assertThat(buyer.at("/estimatedCharges/agreementValue").asString()).isEqualTo("1440.00");
        assertThat(amounts(buyer, "amount")).containsExactly("1080.00", "360.00");
        assertThat(buyer.at("/wholesale").isNull()).isTrue();
        assertThat(buyer.at("/charges").findValues("wholesaleAmount")).allMatch(JsonNode::isNull);
        assertThat(buyer.toString()).doesNotContain("1000.00", "333.33", "1333.33", authorization);
        var buyerTerms =
                api.get("/api/v1/agreements/" + agreementId + "/terms", GLOBEX).body();
        assertThat(buyerTerms).doesNotContain("333.33");

        var isv = agreement(agreementId, ISV);
        assertThat(isv.at("/sellerOfRecord/name").asString()).isEqualTo("Northwind Resellers");
        assertThat(isv.at("/publisher/name").asString()).isEqualTo("Acme Analytics");
        assertThat(isv.at("/estimatedCharges/agreementValue").asString()).isEqualTo("1333.33");
        assertThat(amounts(isv, "amount")).containsExactly("1000.00", "333.33");
        assertThat(isv.at("/wholesale/resaleAuthorizationId").asString()).isEqualTo(authorization);
        assertThat(isv.toString()).doesNotContain("1080.00", "360.00", "1440.00");
        assertThat(api.get("/api/v1/agreements/" + agreementId + "/terms", ISV).body())
                .contains("333.33")
                .doesNotContain("360.00");
        assertThat(api.get("/api/v1/agreements?offerId=" + cppo, ISV)
                        .json()
                        .at("/agreements/0/agreementId")
                        .asString())
                .isEqualTo(agreementId);

        var partner = agreement(agreementId, PARTNER);
        assertThat(partner.at("/estimatedCharges/agreementValue").asString()).isEqualTo("1440.00");
        assertThat(partner.at("/wholesale/wholesaleValue/agreementValue").asString())
                .isEqualTo("1333.33");
        assertThat(amounts(partner, "amount")).containsExactly("1080.00", "360.00");
        assertThat(amounts(partner, "wholesaleAmount")).containsExactly("1000.00", "333.33");

        assertThat(api.get("/api/v1/agreements/" + agreementId, NIMBUS).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/agreements/" + servicesAgreement, ISV).status())
                .isEqualTo(404);
        assertThat(agreement(servicesAgreement, GLOBEX).at("/publisher/name").asString())
                .isEqualTo("Northwind Resellers");
    }

    private JsonNode agreement(String agreementId, String email) {
        var read = api.get("/api/v1/agreements/" + agreementId, email);
        assertThat(read.status()).as(email + " " + read.body()).isEqualTo(200);
        return read.json();
    }

    private static List<String> amounts(JsonNode agreement, String field) {
        return agreement
                .at("/charges")
                .valueStream()
                .map(c -> c.at("/" + field).asString())
                .toList();
    }
}
