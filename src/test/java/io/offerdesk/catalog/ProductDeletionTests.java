package io.offerdesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EndToEndTest
class ProductDeletionTests {

    static final String AUTHOR = "author@acme.example";
    static final String OPERATOR = "operator@offerdesk.example";

    @Autowired
    TestApi api;

    String create(String title) {
        var created = api.post("/api/v1/products", AUTHOR, """
                {"type":"SAAS","title":"%s","shortDescription":"To delete","fulfillmentUrl":"https://x.example/",
                 "dimensions":[{"key":"users","name":"Users","unit":"Users","type":"ENTITLED"}],
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"users","durationMonths":12,"amount":"100"}]}}""".formatted(title));
        assertThat(created.status()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    @Test
    void aLimitedProductIsDeletedWithItsPricesAndTheDeletionIsAudited() {
        var id = create("Short-lived");
        var version =
                api.get("/api/v1/products/" + id, AUTHOR).json().at("/version").asLong();
        var deleted = api.delete("/api/v1/products/" + id + "?version=" + version, AUTHOR);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(api.get("/api/v1/products/" + id, AUTHOR).status()).isEqualTo(404);
        var audit = api.get("/api/v1/audit/entries?entityType=product&entityId=" + id, OPERATOR)
                .json();
        assertThat(audit.findValuesAsString("action")).contains("ProductDeleted", "ProductCreated");
    }

    @Test
    void aProductThatWasPublicStays() {
        var id = create("Went public");
        assertThat(api.post("/api/v1/products/" + id + "/visibility", AUTHOR, "{\"visibility\":\"PUBLIC\"}")
                        .status())
                .isEqualTo(200);
        var refused = api.delete("/api/v1/products/" + id, AUTHOR);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("visibility");
        assertThat(api.get("/api/v1/products/" + id, AUTHOR).status()).isEqualTo(200);
    }

    @Test
    void aStaleVersionOrAnotherSellerCannotDelete() {
        var id = create("Guarded");
        assertThat(api.delete("/api/v1/products/" + id + "?version=70", AUTHOR).status())
                .isEqualTo(409);
        assertThat(api.delete("/api/v1/products/" + id, "admin@nimbus.example").status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/products/" + id, "finance@acme.example").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/products/" + id, AUTHOR).status()).isEqualTo(200);
    }
}
