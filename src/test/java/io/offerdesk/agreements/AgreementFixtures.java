package io.offerdesk.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets up what agreement tests buy, as clients would: a fresh SaaS product of Acme's for every test (a buyer account
 * holds one agreement per product, so tests must not share products) and private offers for it.
 */
public final class AgreementFixtures {

    public static final String AUTHOR = OfferFixtures.AUTHOR;
    public static final String GLOBEX = OfferFixtures.GLOBEX;
    public static final String GLOBEX_ACCOUNT = OfferFixtures.GLOBEX_ACCOUNT;
    public static final String INITECH = OfferFixtures.INITECH;

    private final TestApi api;
    private final OfferFixtures offers;

    public AgreementFixtures(TestApi api) {
        this.api = api;
        this.offers = new OfferFixtures(api);
    }

    public OfferFixtures offers() {
        return offers;
    }

    /** A new SaaS product with list prices, ready for private offers. */
    public String saasProduct() {
        var created = api.post("/api/v1/products", AUTHOR, """
                {"type":"SAAS","title":"%s","shortDescription":"Analytics for agreement tests",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"}],
                 "fulfillmentUrl":"https://acme.example/signup",
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"1200","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Agreement product")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    /** Releases Acme's 12-installment private offer for the product to the account; returns the offer id. */
    public String installmentOffer(String productId, String account) {
        return released(offers.privateOffer(productId, OfferFixtures.unique("Offer"), account, null));
    }

    /** Runs the changes as Acme's author, expects the offer released, and returns its id. */
    public String released(List<String> changes) {
        var done = offers.run(AUTHOR, changes);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    /** Acme's complete private offer for the product for Globex's account, left a draft to go into an offer set. */
    public String draftOffer(String productId) {
        var changes =
                new ArrayList<>(offers.privateOffer(productId, OfferFixtures.unique("Member"), GLOBEX_ACCOUNT, null));
        changes.removeLast();
        var done = offers.run(AUTHOR, changes);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    /** Releases Acme's offer set of the draft offers, in their order; returns its id. */
    public String releasedOfferSet(String name, String... offerIds) {
        var done = api.finishedChangeSet(
                AUTHOR,
                api.post(
                        "/api/v1/offer-sets",
                        AUTHOR,
                        "{\"name\":\"%s\",\"offerIds\":[\"%s\"],\"release\":true}"
                                .formatted(name, String.join("\",\"", offerIds))));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    public Reply quote(String email, String body) {
        return api.post("/api/v1/buyer/agreement-requests", email, body);
    }

    public Reply quote(String email, String offerId, String account) {
        return quote(email, "{\"offerId\":\"%s\",\"accountId\":\"%s\"}".formatted(offerId, account));
    }

    public Reply accept(String email, String requestId) {
        return api.post(
                "/api/v1/buyer/agreement-requests/" + requestId + "/accept", email, "{\"eulaAcknowledged\":true}");
    }

    /** Quotes and accepts the offer as Globex's procurement user for its account; returns the agreement. */
    public Reply buy(String offerId) {
        var quote = quote(GLOBEX, offerId, GLOBEX_ACCOUNT);
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        return accept(GLOBEX, quote.json().at("/agreementRequestId").asString());
    }
}
