package io.offerdesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EndToEndTest
class ProductsApiTests {

    static final String OPERATOR = "operator@offerdesk.example";
    static final String ACME_ADMIN = "admin@acme.example";
    static final String ACME_AUTHOR = "author@acme.example";
    static final String ACME_FINANCE = "finance@acme.example";
    static final String NIMBUS_ADMIN = "admin@nimbus.example";
    static final String GLOBEX_PROCUREMENT = "procurement@globex.example";
    static final String NORTHWIND_ADMIN = "admin@northwind.example";

    static final String MINIMAL = """
            {"type":"SAAS","title":"%s","shortDescription":"A product",\
            "dimensions":[{"key":"users","name":"Users","unit":"Users","type":"ENTITLED"}],\
            "fulfillmentUrl":"https://example.com/signup"}""";

    @Autowired
    TestApi api;

    static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    Reply createMinimal(String email) {
        return api.post("/api/v1/products", email, MINIMAL.formatted(unique("Bench product")));
    }

    @Test
    void createsAProductFromTheMinimalBodyAndReadsItBack() {
        var created = api.post("/api/v1/products", ACME_AUTHOR, MINIMAL.formatted("Bench product 17"));
        assertThat(created.status()).isEqualTo(201);
        var id = created.json().at("/id").asString();
        assertThat(id).matches("prod-[a-z0-9]{13}");
        assertThat(created.json().at("/visibility").asString()).isEqualTo("LIMITED");
        assertThat(created.json().at("/version").asLong()).isEqualTo(1);
        assertThat(created.json().at("/delivery/fulfillmentUrl").asString()).isEqualTo("https://example.com/signup");

        var read = api.get("/api/v1/products/" + id, ACME_ADMIN);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().at("/title").asString()).isEqualTo("Bench product 17");
        assertThat(read.json().at("/type").asString()).isEqualTo("SAAS");
        assertThat(read.json().at("/dimensions/0/key").asString()).isEqualTo("users");
        assertThat(read.json().at("/dimensions/0/type").asString()).isEqualTo("ENTITLED");
        assertThat(read.json().at("/publicOffer").isNull()).isTrue();
    }

    @Test
    void createsAnAmiProductWithAPublicOfferAndWritesAmountsAsDecimalStrings() {
        var created = api.post("/api/v1/products", ACME_ADMIN, """
                {"type":"AMI","title":"%s","shortDescription":"An appliance",
                 "dimensions":[{"key":"m5.large","name":"m5.large hours","unit":"Hrs","type":"METERED"},
                               {"key":"m5.large.annual","name":"m5.large annual","unit":"Units","type":"ENTITLED"}],
                 "delivery":{"amis":[{"amiId":"ami-0123456789abcdef0","region":"us-east-1","operatingSystem":"Amazon Linux 2023"}],
                             "usageInstructions":"Launch it."},
                 "publicOffer":{"pricingModels":["USAGE","CONTRACT","FREE_TRIAL"],"freeTrialDays":14,
                   "prices":[{"model":"USAGE","dimensionKey":"m5.large","amount":"0.125"},
                             {"model":"CONTRACT","dimensionKey":"m5.large.annual","durationMonths":12,"amount":"876","currency":"USD"}]}}""".formatted(unique("Appliance")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/version").asLong()).isEqualTo(2);
        assertThat(created.json().at("/delivery/amis/0/amiId").asString()).isEqualTo("ami-0123456789abcdef0");
        assertThat(created.json().at("/publicOffer/freeTrialDays").asInt()).isEqualTo(14);
        assertThat(created.json().at("/publicOffer/prices/0/amount").asString()).isEqualTo("0.12500000");
        assertThat(created.json().at("/publicOffer/prices/0/currency").asString())
                .isEqualTo("USD");
        assertThat(created.json().at("/publicOffer/prices/1/amount").asString()).isEqualTo("876.00");
        assertThat(created.json().at("/publicOffer/prices/1/durationMonths").asInt())
                .isEqualTo(12);
    }

    @Test
    void listsOnlyTheCallersProductsWithFiltersAndAKeysetCursor() {
        var first = createMinimal(ACME_AUTHOR).json().at("/id").asString();
        var second = createMinimal(ACME_AUTHOR).json().at("/id").asString();

        var page = api.get("/api/v1/products?type=SAAS&limit=1", ACME_ADMIN);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().at("/items").size()).isEqualTo(1);
        assertThat(page.json().at("/items/0/id").asString()).isEqualTo(second);
        var next = page.json().at("/next").asString();
        var following = api.get("/api/v1/products?type=SAAS&limit=1&after=" + next, ACME_ADMIN);
        assertThat(following.json().at("/items/0/id").asString()).isEqualTo(first);

        var nimbus = api.get("/api/v1/products?limit=100", NIMBUS_ADMIN);
        assertThat(nimbus.json().at("/items").findValuesAsString("id")).doesNotContain(first, second);
        assertThat(nimbus.json().at("/items").findValuesAsString("title")).contains("Nimbus Threat Guard");

        var amis = api.get("/api/v1/products?type=AMI&visibility=LIMITED", ACME_ADMIN);
        assertThat(amis.json().at("/items").size()).isPositive();
        amis.json()
                .at("/items")
                .forEach(item -> assertThat(item.at("/type").asString()).isEqualTo("AMI"));

        assertThat(api.get("/api/v1/products?limit=101", ACME_ADMIN).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/products?type=SHOES", ACME_ADMIN).status()).isEqualTo(400);
    }

    @Test
    void seedsTheDemoCatalogForBothSellers() {
        // Every page: other tests add products of Acme's, newest first, and the demo's are the oldest.
        var acme = new ArrayList<String>();
        var page = api.get("/api/v1/products?limit=100", ACME_ADMIN).json();
        acme.addAll(page.at("/items").findValuesAsString("title"));
        while (!page.at("/next").isNull() && !page.at("/next").isMissingNode()) {
            page = api.get(
                            "/api/v1/products?limit=100&after="
                                    + page.at("/next").asString(),
                            ACME_ADMIN)
                    .json();
            acme.addAll(page.at("/items").findValuesAsString("title"));
        }
        assertThat(acme)
                .contains("Acme Insights", "Acme Edge Appliance", "Acme Stream Processor", "Acme Onboarding Services");
    }

    @Test
    void operatorReadsEverySellersProducts() {
        var acme = createMinimal(ACME_AUTHOR).json().at("/id").asString();
        var nimbus = createMinimal(NIMBUS_ADMIN).json().at("/id").asString();
        assertThat(api.get("/api/v1/products/" + acme, OPERATOR).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/products/" + nimbus, OPERATOR).status()).isEqualTo(200);
        var all = api.get("/api/v1/products?limit=100", OPERATOR)
                .json()
                .at("/items")
                .findValuesAsString("id");
        assertThat(all).contains(acme, nimbus);
    }

    @Test
    void anotherSellerABuyerAndAPartnerDoNotFindTheProduct() {
        var id = createMinimal(ACME_AUTHOR).json().at("/id").asString();
        for (var stranger : new String[] {NIMBUS_ADMIN, GLOBEX_PROCUREMENT, NORTHWIND_ADMIN}) {
            assertThat(api.get("/api/v1/products/" + id, stranger).status()).isEqualTo(404);
            assertThat(api.put(
                                    "/api/v1/products/" + id + "/public-offer",
                                    stranger,
                                    "{\"pricingModels\":[\"CONTRACT\"]}")
                            .status())
                    .isEqualTo(404);
        }
        assertThat(api.get("/api/v1/products/not-a-product", ACME_ADMIN).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/products/prod-0000000000000", ACME_ADMIN).status())
                .isEqualTo(404);
    }

    @Test
    void onlySellerAuthorsAndAdministratorsCreateProducts() {
        assertThat(createMinimal(GLOBEX_PROCUREMENT).status()).isEqualTo(403);
        assertThat(createMinimal(OPERATOR).status()).isEqualTo(403);
        assertThat(createMinimal(ACME_FINANCE).status()).isEqualTo(403);
        // A channel partner lists only its own professional services.
        var partnerSaas = createMinimal(NORTHWIND_ADMIN);
        assertThat(partnerSaas.status()).isEqualTo(422);
        assertThat(partnerSaas.json().at("/errors/0/field").asString()).isEqualTo("type");
    }

    @Test
    void updatesWithTheCurrentVersionAndRejectsAStaleOne() {
        var id = createMinimal(ACME_AUTHOR).json().at("/id").asString();
        var update = """
                {"version":%d,"title":"%s","shortDescription":"Now with more","longDescription":"Long text",
                 "categories":["Analytics"],"keywords":["bench"],
                 "dimensions":[{"key":"users","name":"Users","unit":"Users","type":"ENTITLED"},
                               {"key":"api_calls","name":"API calls","unit":"Requests","type":"METERED"}],
                 "delivery":{"fulfillmentUrl":"https://example.com/v2/signup"}}""";
        var title = unique("Renamed");
        var updated = api.put("/api/v1/products/" + id, ACME_AUTHOR, update.formatted(1, title));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().at("/version").asLong()).isEqualTo(2);
        assertThat(updated.json().at("/dimensions").size()).isEqualTo(2);
        assertThat(updated.json().at("/categories/0").asString()).isEqualTo("Analytics");

        var stale = api.put("/api/v1/products/" + id, ACME_AUTHOR, update.formatted(1, unique("Again")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().at("/code").asString()).isEqualTo("conflict.staleProduct");
        assertThat(api.get("/api/v1/products/" + id, ACME_ADMIN)
                        .json()
                        .at("/title")
                        .asString())
                .isEqualTo(title);
    }

    @Test
    void setsThePublicOfferThenMakesTheProductPublicAndRestricted() {
        var id = createMinimal(ACME_AUTHOR).json().at("/id").asString();
        var early = api.post("/api/v1/products/" + id + "/visibility", ACME_AUTHOR, "{\"visibility\":\"PUBLIC\"}");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().at("/errors/0/code").asString()).isEqualTo("validation.visibility.needsPublicOffer");

        var offer = api.put("/api/v1/products/" + id + "/public-offer", ACME_AUTHOR, """
                {"version":1,"pricingModels":["CONTRACT"],
                 "prices":[{"model":"CONTRACT","dimensionKey":"users","durationMonths":12,"amount":"1200.00"},
                           {"model":"CONTRACT","dimensionKey":"users","durationMonths":24,"amount":"2280"}]}""");
        assertThat(offer.status()).isEqualTo(200);
        assertThat(offer.json().at("/publicOffer/prices/0/amount").asString()).isEqualTo("1200.00");
        assertThat(offer.json().at("/publicOffer/prices/1/amount").asString()).isEqualTo("2280.00");

        var publicNow = api.post("/api/v1/products/" + id + "/visibility", ACME_AUTHOR, "{\"visibility\":\"PUBLIC\"}");
        assertThat(publicNow.status()).isEqualTo(200);
        assertThat(publicNow.json().at("/visibility").asString()).isEqualTo("PUBLIC");
        var restricted = api.post(
                "/api/v1/products/" + id + "/visibility", ACME_AUTHOR, "{\"visibility\":\"RESTRICTED\",\"version\":3}");
        assertThat(restricted.status()).isEqualTo(200);
        var back = api.post("/api/v1/products/" + id + "/visibility", ACME_AUTHOR, "{\"visibility\":\"LIMITED\"}");
        assertThat(back.status()).isEqualTo(422);
        assertThat(back.json().at("/errors/0/field").asString()).isEqualTo("visibility");
    }

    @Test
    void acceptsTheMinimalBodyAgainWithTheSameTitle() {
        var body = MINIMAL.formatted("Bench product 17");
        assertThat(api.post("/api/v1/products", ACME_AUTHOR, body).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/products", ACME_AUTHOR, body).status()).isEqualTo(201);
    }

    @Test
    void documentsTheProductsApiInOpenApi() {
        var docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/products/{productId}/public-offer", "/api/v1/standard-contracts");
    }

    @Test
    void anotherSellersProductIdIsNoCursorIntoItsList() {
        var nimbus = createMinimal(NIMBUS_ADMIN).json().at("/id").asString();
        var page = api.get("/api/v1/products?after=" + nimbus, ACME_ADMIN);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().at("/items").size()).isZero();
    }

    @Test
    void auditsTheCreationOfAProduct() {
        var id = createMinimal(ACME_AUTHOR).json().at("/id").asString();
        var entries = api.get("/api/v1/audit/entries?entityType=product&entityId=" + id, OPERATOR);
        assertThat(entries.status()).isEqualTo(200);
        assertThat(entries.json().findValuesAsString("action")).contains("ProductCreated");
    }
}
