package io.offerdesk.agreements;

import static io.offerdesk.agreements.AgreementFixtures.AUTHOR;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A buyer accepts an offer set in one step; a channel partner sells its own professional services; who sees which
 * side of an agreement.
 */
@EndToEndTest
class OfferSetAcceptanceTests {

    static final String PARTNER = "author@northwind.example";
    static final String NIMBUS = "admin@nimbus.example";
    static final String PASSWORD = "offerdesk-demo";

    @Autowired
    TestApi api;

    AgreementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AgreementFixtures(api);
    }

    @Test
    void acceptsEveryOfferOfTheSetInOneStepWithOneAgreementEach() {
        var first = draft(AUTHOR, fixtures.saasProduct(), "analysts");
        var second = draft(AUTHOR, fixtures.saasProduct(), "analysts");
        var setId = releasedSet(AUTHOR, first, second);

        var accepted = accept(setId);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        var agreements = accepted.json().at("/agreements");
        assertThat(agreements).hasSize(2);
        assertThat(agreements.findValuesAsString("offerId")).containsExactly(first, second);
        assertThat(agreements.findValuesAsString("offerSetId")).containsOnly(setId);
        var agreementId = agreements.get(0).at("/agreementId").asString();
        var seller = api.get("/api/v1/agreements/" + agreementId, AUTHOR).json();
        assertThat(seller.at("/offerSetId").asString()).isEqualTo(setId);
        assertThat(seller.at("/charges")).hasSize(12);
        assertThat(seller.at("/charges/0/wholesaleAmount").isNull()).isTrue();
    }

    @Test
    void anOfferOfASetIsNotAcceptedAlone() {
        var first = draft(AUTHOR, fixtures.saasProduct(), "analysts");
        releasedSet(AUTHOR, first, draft(AUTHOR, fixtures.saasProduct(), "analysts"));

        var alone = fixtures.buy(first);

        assertThat(alone.status()).as(alone.body()).isEqualTo(422);
        assertThat(alone.json().at("/errors/0/code").asString()).isEqualTo("agreement.OFFER_IN_OFFER_SET");
    }

    @Test
    void aRefusedOfferAcceptsNothingAndTheErrorNamesIt() {
        var held = fixtures.saasProduct();
        // The buyer already holds an agreement for this product, so the set's offer for it must be refused.
        assertThat(fixtures.buy(fixtures.installmentOffer(held, GLOBEX_ACCOUNT)).status())
                .isEqualTo(201);
        var fine = draft(AUTHOR, fixtures.saasProduct(), "analysts");
        var refused = draft(AUTHOR, held, "analysts");
        var setId = releasedSet(AUTHOR, fine, refused);

        var accepted = accept(setId);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(422);
        assertThat(accepted.json().at("/errors/0/code").asString()).isEqualTo("agreement.OFFER_SET_MEMBER_REFUSED");
        assertThat(accepted.json().at("/errors/0/field").asString()).contains(refused);
        assertThat(accepted.body()).contains("DUPLICATE_AGREEMENT");
        var made = api.get("/api/v1/agreements?offerId=" + fine, AUTHOR).json();
        assertThat(made.at("/agreements")).isEmpty();
    }

    @Test
    void aPartnerListsItsOwnServicesOnlyAndSellsThemThroughAPrivateOffer() {
        var saas = api.post("/api/v1/products", PARTNER, """
                {"type":"SAAS","title":"%s","shortDescription":"Not a service",
                 "dimensions":[{"key":"users","name":"Users","unit":"Users","type":"ENTITLED"}],
                 "fulfillmentUrl":"https://northwind.example/signup"}""".formatted(OfferFixtures.unique("Partner SaaS")));
        assertThat(saas.status()).as(saas.body()).isEqualTo(422);
        assertThat(saas.body()).contains("type");

        var services = servicesProduct();
        var offerId = draft(PARTNER, services, "migration_package");
        var released = api.finishedChangeSet(
                PARTNER,
                api.post(
                        "/api/v1/change-sets",
                        PARTNER,
                        OfferFixtures.set(List.of(OfferFixtures.change("ReleaseOffer", offerId, null, "{}")))));
        assertThat(released.at("/status").asString()).as(released.toString()).isEqualTo("SUCCEEDED");

        var bought = fixtures.buy(offerId);

        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        assertThat(bought.json().at("/sellerOfRecord/name").asString()).isEqualTo("Northwind Resellers");
        assertThat(bought.json().at("/publisher/name").asString()).isEqualTo("Northwind Resellers");
        assertThat(bought.json().at("/productType").asString()).isEqualTo("PROFESSIONAL_SERVICES");
        var agreementId = bought.json().at("/agreementId").asString();
        assertThat(api.get("/api/v1/agreements/" + agreementId, PARTNER).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/agreements/" + agreementId, AUTHOR).status())
                .isEqualTo(404);
    }

    @Test
    void aDirectAgreementShowsTheIsvAsSellerOfRecordAndPublisherAndNoOneElse() {
        var bought = fixtures.buy(fixtures.installmentOffer(fixtures.saasProduct(), GLOBEX_ACCOUNT));
        var agreementId = bought.json().at("/agreementId").asString();

        var seller = api.get("/api/v1/agreements/" + agreementId, AUTHOR).json();
        assertThat(seller.at("/sellerOfRecord/name").asString()).isEqualTo("Acme Analytics");
        assertThat(seller.at("/publisher/name").asString()).isEqualTo("Acme Analytics");
        assertThat(seller.at("/wholesale").isNull()).isTrue();
        assertThat(seller.at("/estimatedCharges/agreementValue").asString()).isEqualTo("12000.00");
        assertThat(bought.json().at("/wholesale").isNull()).isTrue();
        assertThat(api.get("/api/v1/agreements/" + agreementId, NIMBUS).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/agreements/" + agreementId, PARTNER).status())
                .isEqualTo(404);
    }

    @Test
    void theSellerComposesAndReleasesInTheBrowserAndTheBuyerAcceptsTheSetOnItsReviewPage() {
        var first = draft(AUTHOR, fixtures.saasProduct(), "analysts");
        var second = draft(AUTHOR, fixtures.saasProduct(), "analysts");
        var seller = new SignedInSession(api, AUTHOR, PASSWORD);
        assertThat(page(seller, "/offer-sets/new")).contains(first, second);

        var created = seller.post(
                "/offer-sets/new",
                "/offer-sets",
                "name=Browser+bundle&buyerNotes=Both+together&offerId=" + first + "&offerId=" + second);

        assertThat(created.statusCode()).isEqualTo(302);
        var setPath = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        var setId = setPath.replace("/offer-sets/", "");
        assertThat(page(seller, "/offer-sets")).contains("Browser bundle");
        var released = seller.post(setPath, setPath + "/release", "");
        assertThat(new String(released.body(), StandardCharsets.UTF_8)).contains("outcome-succeeded");

        var buyer = new SignedInSession(api, GLOBEX, PASSWORD);
        var review = page(buyer, "/buyer/offer-sets/" + setId);
        assertThat(review).contains("Both together", "Seller of record", "Publisher", "12,000.00", "accept-offer-set");
        assertThat(page(buyer, "/buyer/offers/" + first)).contains("/buyer/offer-sets/" + setId);

        var refused = buyer.post("/buyer/offer-sets/" + setId, "/buyer/offer-sets/" + setId + "/accept", "x=1");
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("refusal");

        var accepted = buyer.post(
                "/buyer/offer-sets/" + setId, "/buyer/offer-sets/" + setId + "/accept", "eulaAcknowledged=true");

        var body = new String(accepted.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("offer-set-accepted");
        var agreements = api.get("/api/v1/agreements?offerId=" + second, AUTHOR).json();
        assertThat(agreements.at("/agreements/0/offerSetId").asString()).isEqualTo(setId);
        var agreementId = agreements.at("/agreements/0/agreementId").asString();
        assertThat(page(buyer, "/buyer/agreements/" + agreementId)).contains("agreement-publisher", setId);
    }

    private static String page(SignedInSession session, String path) {
        var response = session.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private JsonNode run(String email, List<String> changes) {
        return api.finishedChangeSet(email, api.post("/api/v1/change-sets", email, OfferFixtures.set(changes)));
    }

    /** Northwind's own professional-services product. */
    private String servicesProduct() {
        var created = api.post("/api/v1/products", PARTNER, """
                {"type":"PROFESSIONAL_SERVICES","title":"%s","shortDescription":"Migration by Northwind",
                 "dimensions":[{"key":"migration_package","name":"Migration package","unit":"Units","type":"ENTITLED"}],
                 "delivery":{"deliverables":["Migration plan","Cut-over"],"estimatedDuration":"8 weeks"},
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"migration_package","durationMonths":12,"amount":"18000","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Migration")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    /** A complete private offer of the seller for Globex's account, left a draft; its grant names the dimension. */
    private String draft(String email, String productId, String dimension) {
        var changes = new ArrayList<String>();
        for (var change :
                fixtures.offers().privateOffer(productId, OfferFixtures.unique("Member"), GLOBEX_ACCOUNT, null)) {
            changes.add(change.replace("\"analysts\"", "\"" + dimension + "\""));
        }
        changes.removeLast();
        var done = run(email, changes);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    private String releasedSet(String email, String... offerIds) {
        var done = api.finishedChangeSet(
                email,
                api.post(
                        "/api/v1/offer-sets",
                        email,
                        "{\"name\":\"Bundle\",\"offerIds\":[\"%s\"],\"release\":true}"
                                .formatted(String.join("\",\"", offerIds))));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    private TestApi.Reply accept(String setId) {
        return api.post(
                "/api/v1/buyer/offer-sets/" + setId + "/accept",
                GLOBEX,
                "{\"accountId\":\"%s\",\"eulaAcknowledged\":true}".formatted(GLOBEX_ACCOUNT));
    }
}
