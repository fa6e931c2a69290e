package io.offerdesk.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Buyer discovery over the native API: what each buyer finds, the purchase options it has, the terms of an offer with
 * their ids, and that nobody learns of another buyer's private offers or of a limited product.
 */
@EndToEndTest
class DiscoveryApiTests {

    static final String GLOBEX = "procurement@globex.example";
    static final String INITECH = "procurement@initech.example";
    static final String AUTHOR = "author@acme.example";
    static final String NIMBUS = "admin@nimbus.example";
    static final String INSIGHTS_OFFER = "Globex — Acme Insights 2027, 12 installments";
    static final String ONBOARDING_OFFER = "Globex — Acme Onboarding Services";

    @Autowired
    TestApi api;

    @Test
    void globexFindsTheAcmeProductsItHoldsPrivateOffersForAndSeesThoseOffersAsPurchaseOptions() throws Exception {
        awaitDemoOffers();

        var found = listings("q=acme", GLOBEX);
        var titles = found.at("/listings").findValuesAsString("title");
        assertThat(titles).contains("Acme Insights", "Acme Onboarding Services");
        // Limited products without a released offer for Globex stay hidden: a draft for Initech is no listing.
        assertThat(titles).doesNotContain("Acme Stream Processor", "Acme Edge Appliance");
        var insights = listing(found, "Acme Insights");
        assertThat(insights.at("/seller/name").asString()).isEqualTo("Acme Analytics");
        assertThat(insights.at("/fulfillmentOptions/0/type").asString()).isEqualTo("SAAS");
        var insightsId = insights.at("/productId").asString();

        var product = api.get("/api/v1/buyer/products/" + insightsId, GLOBEX);
        assertThat(product.status()).as(product.body()).isEqualTo(200);
        assertThat(product.json().at("/dimensions").findValuesAsString("name")).contains("Analyst seats");
        assertThat(product.json().at("/fulfillmentOptions/0/id").asString()).matches("fo-[0-9a-f]{32}");
        // A SaaS product's registration URL is for subscribers only.
        assertThat(product.body()).doesNotContain("insights.acme.example");

        var options = api.get("/api/v1/buyer/products/" + insightsId + "/purchase-options", GLOBEX);
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        var insightsOffer = option(options.json(), INSIGHTS_OFFER);
        assertThat(insightsOffer.at("/kind").asString()).isEqualTo("OFFER");
        assertThat(insightsOffer.at("/sellerOfRecord/name").asString()).isEqualTo("Acme Analytics");
        assertThat(insightsOffer.at("/badges/0").asString()).isEqualTo("PRIVATE_PRICING");
        assertThat(insightsOffer.at("/price/installments").asInt()).isEqualTo(12);
        var offerId = insightsOffer.at("/purchaseOptionId").asString();
        assertThat(insightsOffer.at("/offerPath").asString()).isEqualTo("/buyer/offers/" + offerId);
        // The product is limited, so its list prices are no option; only the private offers are.
        assertThat(options.json().at("/purchaseOptions").findValuesAsString("kind"))
                .containsOnly("OFFER");
        assertThat(api.get("/api/v1/buyer/offers/" + offerId, GLOBEX).status()).isEqualTo(200);

        var onboardingId =
                listing(found, "Acme Onboarding Services").at("/productId").asString();
        var onboarding = api.get("/api/v1/buyer/products/" + onboardingId + "/purchase-options", GLOBEX);
        assertThat(onboarding.json().at("/purchaseOptions").findValuesAsString("name"))
                .contains(ONBOARDING_OFFER);
        var services = api.get("/api/v1/buyer/products/" + onboardingId, GLOBEX).json();
        assertThat(services.at("/fulfillmentOptions/0/type").asString()).isEqualTo("PROFESSIONAL_SERVICES");
        assertThat(services.at("/fulfillmentOptions/0/estimatedDuration").asString())
                .isEqualTo("6 weeks");

        var terms = api.get("/api/v1/buyer/offers/" + offerId + "/terms", GLOBEX);
        assertThat(terms.status()).as(terms.body()).isEqualTo(200);
        assertThat(terms.json().at("/offer/purchaseOptionId").asString()).isEqualTo(offerId);
        var ids = terms.json().at("/terms").findValuesAsString("id");
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates().allMatch(id -> id.matches("term-[0-9a-f]{32}"));
        assertThat(terms.json().at("/terms").findValuesAsString("type"))
                .contains("FixedUpfrontPricingTerm", "PaymentScheduleTerm", "LegalTerm", "RenewalTerm");
        var fixed = term(terms.json(), "FixedUpfrontPricingTerm");
        assertThat(fixed.at("/grants/0/displayName").asString()).isEqualTo("Analyst seats");
        assertThat(fixed.at("/grants/0/maxQuantity").asInt()).isEqualTo(25);
        assertThat(term(terms.json(), "UsageBasedPricingTerm")
                        .at("/rateCards/0/rateCard/0/price")
                        .asString())
                .isEqualTo("0.75");
        // Term ids are derived, so every read of the offer names its terms the same.
        assertThat(api.get("/api/v1/buyer/offers/" + offerId + "/terms", GLOBEX)
                        .json()
                        .at("/terms")
                        .findValuesAsString("id"))
                .isEqualTo(ids);
    }

    @Test
    void anotherBuyerSeesNeitherGlobexsPrivateOffersNorTheLimitedProductsTheyAreFor() throws Exception {
        awaitDemoOffers();
        var insightsId = listing(listings("q=insights", GLOBEX), "Acme Insights")
                .at("/productId")
                .asString();
        var offerId = option(
                        api.get("/api/v1/buyer/products/" + insightsId + "/purchase-options", GLOBEX)
                                .json(),
                        INSIGHTS_OFFER)
                .at("/purchaseOptionId")
                .asString();

        assertThat(listings("q=acme", INITECH).at("/listings").findValuesAsString("title"))
                .doesNotContain("Acme Insights", "Acme Onboarding Services", "Acme Stream Processor");
        assertThat(api.get("/api/v1/buyer/products/" + insightsId, INITECH).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/buyer/products/" + insightsId + "/purchase-options", INITECH)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/buyer/offers/" + offerId + "/terms", INITECH)
                        .status())
                .isEqualTo(404);
        // The same for a product id that does not exist and one that cannot be an id at all.
        assertThat(api.get("/api/v1/buyer/products/prod-0000000000000", INITECH).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/buyer/products/nothing", INITECH).status()).isEqualTo(404);

        // Discovery is for buyers: a seller finds nothing and reads no product through it, not even its own.
        var seller = listings("q=acme", AUTHOR);
        assertThat(seller.at("/totalResults").asInt()).isZero();
        assertThat(seller.at("/listings").size()).isZero();
        assertThat(api.get("/api/v1/buyer/products/" + insightsId, AUTHOR).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/buyer/offers/" + offerId + "/terms", AUTHOR).status())
                .isEqualTo(404);
    }

    @Test
    void everyBuyerFindsPublicProductsByWordsFiltersAndFacetsInTheOrderAsked() {
        var word = "zz" + UUID.randomUUID().toString().substring(0, 8);
        var category = "Zeta " + word;
        var guard = publish("""
                {"type":"SAAS","title":"Nimbus Zeta %s Guard","shortDescription":"Edge protection for zeta workloads",
                 "fulfillmentUrl":"https://zeta.nimbus.example/register",
                 "categories":["Security","%s"],"keywords":["%s","guard"],
                 "dimensions":[{"key":"hosts","name":"Protected hosts","unit":"Hosts","type":"ENTITLED"},
                               {"key":"requests","name":"Requests","unit":"Requests","type":"METERED"}],
                 "publicOffer":{"pricingModels":["CONTRACT","USAGE"],"prices":[
                   {"model":"CONTRACT","dimensionKey":"hosts","durationMonths":12,"amount":"120.00"},
                   {"model":"USAGE","dimensionKey":"requests","amount":"0.01"}]}}""".formatted(word, category, word));
        var workshop = publish("""
                {"type":"PROFESSIONAL_SERVICES","title":"Nimbus hardening workshop",
                 "shortDescription":"Two weeks of cloud hardening with Nimbus analysts",
                 "categories":["Implementation"],"keywords":["%s"],
                 "dimensions":[{"key":"workshop","name":"Workshop","unit":"Units","type":"ENTITLED"}],
                 "delivery":{"deliverables":["Threat model","Hardened baseline"],"estimatedDuration":"2 weeks"},
                 "publicOffer":{"pricingModels":["CONTRACT"],"prices":[
                   {"model":"CONTRACT","dimensionKey":"workshop","durationMonths":1,"amount":"5000.00"}]}}""".formatted(word));

        // A title match weighs more than a keyword match, so the guard comes first by relevance.
        var both = listings("q=" + word, INITECH);
        assertThat(both.at("/totalResults").asInt()).isEqualTo(2);
        assertThat(both.at("/listings").findValuesAsString("productId")).containsExactly(guard, workshop);
        assertThat(listings("q=" + word + "&sort=TITLE", INITECH)
                        .at("/listings")
                        .findValuesAsString("productId"))
                .containsExactly(workshop, guard);
        assertThat(listings("q=" + word.toUpperCase() + "%20GUARD", INITECH)
                        .at("/listings")
                        .findValuesAsString("productId"))
                .containsExactly(guard);

        var facets = both.at("/facets");
        assertThat(counts(facets.at("/types"))).containsExactlyInAnyOrder("SAAS=1", "PROFESSIONAL_SERVICES=1");
        assertThat(counts(facets.at("/pricingModels"))).containsExactly("CONTRACT=2", "USAGE=1");
        assertThat(counts(facets.at("/categories")))
                .containsExactlyInAnyOrder("Security=1", category + "=1", "Implementation=1");
        assertThat(facets.at("/sellers/0/displayName").asString()).isEqualTo("Nimbus Security");
        assertThat(facets.at("/sellers/0/count").asInt()).isEqualTo(2);
        var nimbus = facets.at("/sellers/0/value").asString();

        assertThat(ids("q=" + word + "&type=SAAS")).containsExactly(guard);
        assertThat(ids("q=" + word + "&type=AMI")).isEmpty();
        assertThat(ids("q=" + word + "&pricingModel=USAGE")).containsExactly(guard);
        assertThat(ids("q=" + word + "&category=" + URLEncoder.encode(category, StandardCharsets.UTF_8)))
                .containsExactly(guard);
        assertThat(ids("q=" + word + "&sellerId=" + nimbus)).containsExactlyInAnyOrder(guard, workshop);
        assertThat(ids("q=" + word + "&sellerId=" + UUID.randomUUID())).isEmpty();
        assertThat(ids("q=" + word + "&limit=1")).containsExactly(guard);
        var second = listings("q=" + word + "&limit=1&offset=1", INITECH);
        assertThat(second.at("/listings").findValuesAsString("productId")).containsExactly(workshop);
        assertThat(second.at("/totalResults").asInt()).isEqualTo(2);

        // Globex sees the same public listing, and its list prices are the one purchase option of either buyer.
        assertThat(listings("q=" + word, GLOBEX).at("/totalResults").asInt()).isEqualTo(2);
        var options = api.get("/api/v1/buyer/products/" + guard + "/purchase-options", INITECH);
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        var prices = options.json().at("/purchaseOptions/0");
        assertThat(options.json().at("/purchaseOptions").size()).isEqualTo(1);
        assertThat(prices.at("/kind").asString()).isEqualTo("LIST_PRICES");
        assertThat(prices.at("/sellerOfRecord/name").asString()).isEqualTo("Nimbus Security");
        assertThat(prices.at("/listPrices").findValuesAsString("amount")).containsExactly("120.00", "0.01000000");
        var product = api.get("/api/v1/buyer/products/" + guard, INITECH);
        assertThat(product.status()).isEqualTo(200);
        assertThat(product.body()).doesNotContain("zeta.nimbus.example");
        var deliverables = new ArrayList<String>();
        api.get("/api/v1/buyer/products/" + workshop, INITECH)
                .json()
                .at("/fulfillmentOptions/0/deliverables")
                .forEach(deliverable -> deliverables.add(deliverable.asString()));
        assertThat(deliverables).containsExactly("Threat model", "Hardened baseline");
    }

    @Test
    void badPagingIsRejectedNamingTheParameter() {
        assertRejected("limit=0", "limit");
        assertRejected("limit=101", "limit");
        assertRejected("offset=-1", "offset");
        // The page is checked for everyone, so a seller's client learns of its mistake too.
        var seller = api.get("/api/v1/buyer/listings?limit=0", AUTHOR);
        assertThat(seller.status()).isEqualTo(422);
    }

    private void assertRejected(String query, String field) {
        var rejected = api.get("/api/v1/buyer/listings?" + query, GLOBEX);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(422);
        assertThat(rejected.contentType()).contains("application/problem+json");
        assertThat(rejected.json().at("/errors/0/field").asString()).isEqualTo(field);
    }

    /** The demo runner only starts the offers' change sets; the worker applies them shortly after startup. */
    private void awaitDemoOffers() throws InterruptedException {
        var offers = "";
        for (int i = 0; i < 200; i++) {
            offers = api.get("/api/v1/buyer/offers?limit=100", GLOBEX).body();
            if (offers.contains(INSIGHTS_OFFER) && offers.contains(ONBOARDING_OFFER)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(offers).contains(INSIGHTS_OFFER, ONBOARDING_OFFER);
    }

    private JsonNode listings(String query, String email) {
        // Other tests add listings too, so one page holds all that a search finds unless the test pages itself.
        var page = query.contains("limit=") ? "" : "&limit=100";
        var reply = api.get("/api/v1/buyer/listings?" + query + page, email);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private List<String> ids(String query) {
        return listings(query, INITECH).at("/listings").findValuesAsString("productId");
    }

    private static JsonNode listing(JsonNode results, String title) {
        for (var listing : results.at("/listings")) {
            if (listing.at("/title").asString().equals(title)) {
                return listing;
            }
        }
        throw new AssertionError("no listing " + title + " in " + results);
    }

    private static JsonNode option(JsonNode options, String name) {
        for (var option : options.at("/purchaseOptions")) {
            if (option.at("/name").isString() && option.at("/name").asString().equals(name)) {
                return option;
            }
        }
        throw new AssertionError("no purchase option " + name + " in " + options);
    }

    private static JsonNode term(JsonNode terms, String type) {
        for (var term : terms.at("/terms")) {
            if (term.at("/type").asString().equals(type)) {
                return term;
            }
        }
        throw new AssertionError("no " + type + " in " + terms);
    }

    private static List<String> counts(JsonNode facet) {
        var counts = new ArrayList<String>();
        facet.forEach(value -> counts.add(
                value.at("/value").asString() + "=" + value.at("/count").asInt()));
        return counts;
    }

    /** Creates a Nimbus product from its JSON and makes it public; returns its id. */
    private String publish(String product) {
        Reply created = api.post("/api/v1/products", NIMBUS, product);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.json().at("/id").asString();
        var published = api.post("/api/v1/products/" + id + "/visibility", NIMBUS, "{\"visibility\":\"PUBLIC\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return id;
    }
}
