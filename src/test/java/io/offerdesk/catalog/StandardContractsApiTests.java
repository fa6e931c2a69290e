package io.offerdesk.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EndToEndTest
class StandardContractsApiTests {

    static final String OPERATOR = "operator@offerdesk.example";
    static final String ACME_ADMIN = "admin@acme.example";
    static final String GLOBEX_VIEWER = "viewer@globex.example";

    @Autowired
    TestApi api;

    @Test
    void everyoneReadsTheSeededOfferdeskStandardContract() {
        var list = api.get("/api/v1/standard-contracts", GLOBEX_VIEWER);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsString("title")).contains("Offerdesk Standard Contract");
        var seeded = api.get("/api/v1/standard-contracts/5c0f1a6e-7d3b-4e2a-9b61-0ffe7de5c001", ACME_ADMIN);
        assertThat(seeded.status()).isEqualTo(200);
        assertThat(seeded.json().at("/versions").findValuesAsString("version")).contains("1.0");
        assertThat(seeded.json().at("/versions/0/body").asString()).contains("Limitation of liability");
        assertThat(api.get("/api/v1/standard-contracts/nope", ACME_ADMIN).status())
                .isEqualTo(404);
    }

    @Test
    void operatorPublishesASecondVersionThatBecomesCurrent() {
        var title = "Data Sharing Addendum " + UUID.randomUUID();
        var created = api.post(
                "/api/v1/standard-contracts",
                OPERATOR,
                "{\"title\":\"%s\",\"version\":\"1.0\",\"body\":\"# Addendum\\n\\nFirst text.\"}".formatted(title));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/currentVersion").asString()).isEqualTo("1.0");
        var id = created.json().at("/id").asString();

        var v2 = api.post(
                "/api/v1/standard-contracts/" + id + "/versions",
                OPERATOR,
                "{\"version\":\"2.0\",\"body\":\"# Addendum\\n\\nSecond text.\"}");
        assertThat(v2.status()).isEqualTo(201);
        assertThat(v2.json().at("/currentVersion").asString()).isEqualTo("2.0");
        assertThat(v2.json().at("/versions").findValuesAsString("version")).containsExactly("2.0", "1.0");
        assertThat(v2.json().at("/versions/1/body").asString()).contains("First text.");

        var again = api.post(
                "/api/v1/standard-contracts/" + id + "/versions",
                OPERATOR,
                "{\"version\":\"2.0\",\"body\":\"Changed\"}");
        assertThat(again.status()).isEqualTo(409);

        var invalid = api.post(
                "/api/v1/standard-contracts/" + id + "/versions",
                OPERATOR,
                "{\"version\":\"two point oh\",\"body\":\"\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().at("/errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("version", "body");

        var audit = api.get("/api/v1/audit/entries?entityType=standard-contract&entityId=" + id, OPERATOR);
        assertThat(audit.json().findValuesAsString("action"))
                .contains("StandardContractCreated", "StandardContractVersionAdded");
    }

    @Test
    void onlyTheOperatorCreatesContractsAndVersions() {
        var id = "5c0f1a6e-7d3b-4e2a-9b61-0ffe7de5c001";
        assertThat(api.post(
                                "/api/v1/standard-contracts/" + id + "/versions",
                                ACME_ADMIN,
                                "{\"version\":\"9\",\"body\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/standard-contracts",
                                GLOBEX_VIEWER,
                                "{\"title\":\"Mine\",\"version\":\"1\",\"body\":\"x\"}")
                        .status())
                .isEqualTo(403);
    }
}
