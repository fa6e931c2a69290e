package io.offerdesk.gtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Polls;
import io.offerdesk.support.TestApi;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The deal strategy over REST: a seller of the test's own writes segment rules (a key account, a contract value range
 * and a catch-all), bad rules are refused naming each field and change nothing, a draft's position names its segment,
 * band and findings (following the order of the rules), another party's offer is not found, and a released offer is
 * positioned once for analytics.
 */
@EndToEndTest
class DealStrategyApiTests {

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    ApprovalFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ApprovalFixtures(api);
    }

    @Test
    void rulesAreKeptInRankOrderAndABrokenListIsRefusedNamingEachFieldAndChangesNothing() {
        var seller = fixtures.seller();
        var template = template(seller);
        var saved = api.put("/api/v1/deal-strategy", seller.admin(), strategy(template, false));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().at("/rules").findValuesAsString("name"))
                .containsExactly("Strategic", "Mid-market", "Self-serve");
        var strategic = saved.json().at("/rules/0");
        assertThat(strategic.at("/rank").asInt()).isEqualTo(1);
        assertThat(strategic.at("/route").asString()).isEqualTo("PRIVATE_OFFER");
        assertThat(strategic.at("/keyAccounts/0").asString()).isEqualTo(OfferFixtures.GLOBEX_ACCOUNT);
        assertThat(strategic.at("/discountMin").decimalValue()).isEqualByComparingTo("10");
        assertThat(strategic.at("/discountMax").decimalValue()).isEqualByComparingTo("20");
        assertThat(strategic.at("/defaultTemplateId").asString()).isEqualTo(template);
        var midMarket = saved.json().at("/rules/1");
        assertThat(midMarket.at("/valueCurrency").asString()).isEqualTo("USD");
        assertThat(midMarket.at("/valueMin").decimalValue()).isEqualByComparingTo("5000");
        assertThat(midMarket.at("/valueMax").isNull()).isTrue();
        // A catch-all without a band given takes the whole range.
        assertThat(saved.json().at("/rules/2/discountMax").decimalValue()).isEqualByComparingTo("100");

        // What GET answers can be PUT back unchanged, ranks and JSON numbers included.
        var read = api.get("/api/v1/deal-strategy", seller.author());
        assertThat(read.status()).isEqualTo(200);
        var again = api.put(
                "/api/v1/deal-strategy",
                seller.admin(),
                "{\"rules\":" + read.json().at("/rules") + "}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().at("/rules")).isEqualTo(read.json().at("/rules"));

        var broken = api.put("/api/v1/deal-strategy", seller.admin(), """
                {"rules":[
                  {"name":"Strategic","route":"SIDEWAYS","keyAccounts":["999999999999","12"],
                   "discountMin":"40","discountMax":"20","defaultTemplateId":"offertpl-acmedemo0000001"},
                  {"name":"strategic","route":"PRIVATE_OFFER","valueMin":"100","discountMax":"100.5"},
                  {"name":"Big","route":"PRIVATE_OFFER","valueCurrency":"USD","valueMin":"9","valueMax":"1.001"},
                  {"name":"Everyone","route":"PUBLIC_PRICE"},
                  {"name":"","route":"PUBLIC_PRICE"}]}""");

        assertThat(broken.status()).as(broken.body()).isEqualTo(422);
        assertThat(broken.json().at("/errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "rules[0].route",
                        "rules[0].keyAccounts[0]",
                        "rules[0].keyAccounts[1]",
                        "rules[0].discountMax",
                        // Acme's demo template is not this seller's.
                        "rules[0].defaultTemplateId",
                        "rules[1].name",
                        "rules[1].valueCurrency",
                        "rules[1].discountMax",
                        "rules[2].valueMax",
                        // Behind the catch-all "Everyone" a rule could never match.
                        "rules[4].name",
                        "rules[4].name");
        assertThat(api.get("/api/v1/deal-strategy", seller.admin()).json().at("/rules"))
                .isEqualTo(read.json().at("/rules"));
    }

    @Test
    void onlyTheSellersAdministratorsChangeTheStrategyAndBuyersHaveNone() {
        var seller = fixtures.seller();

        assertThat(api.put("/api/v1/deal-strategy", seller.author(), "{\"rules\":[]}")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/deal-strategy", OfferFixtures.GLOBEX).status())
                .isEqualTo(403);
        var empty = api.get("/api/v1/deal-strategy", seller.author());
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().at("/rules").isEmpty()).isTrue();
    }

    @Test
    void aDraftsPositionNamesTheFirstMatchingSegmentItsBandAndWhatDoesNotFit() {
        var seller = fixtures.seller();
        var template = template(seller);
        assertThat(api.put("/api/v1/deal-strategy", seller.admin(), strategy(template, false))
                        .status())
                .isEqualTo(200);
        // Ten analysts listed at USD 12,000.00 for 8,400.00: 30 % off, for Globex.
        var offer = fixtures.draft(seller, "700.00");

        var position = position(seller.author(), offer);

        assertThat(position.at("/offerId").asString()).isEqualTo(offer);
        assertThat(position.at("/segment").asString()).isEqualTo("Strategic");
        assertThat(position.at("/rank").asInt()).isEqualTo(1);
        assertThat(position.at("/route").asString()).isEqualTo("PRIVATE_OFFER");
        assertThat(position.at("/defaultTemplateId").asString()).isEqualTo(template);
        assertThat(position.at("/discountPercent").decimalValue()).isEqualByComparingTo("30");
        assertThat(position.at("/contractValue").decimalValue()).isEqualByComparingTo("8400.00");
        assertThat(position.at("/currency").asString()).isEqualTo("USD");
        assertThat(position.at("/findings").toString()).isEqualTo("[\"DISCOUNT_ABOVE_BAND\"]");

        // With the value range ranked first, the same draft is mid-market; at list price, within its band.
        assertThat(api.put("/api/v1/deal-strategy", seller.admin(), strategy(template, true))
                        .status())
                .isEqualTo(200);
        var reordered = position(seller.author(), offer);
        assertThat(reordered.at("/segment").asString()).isEqualTo("Mid-market");
        assertThat(reordered.at("/rank").asInt()).isEqualTo(1);
        assertThat(reordered.at("/findings").toString()).isEqualTo("[\"DISCOUNT_ABOVE_BAND\"]");
        var atList = position(seller.author(), fixtures.draft(seller, "1000.00"));
        assertThat(atList.at("/segment").asString()).isEqualTo("Mid-market");
        assertThat(atList.at("/discountPercent").decimalValue()).isEqualByComparingTo("0");
        assertThat(atList.at("/findings").isEmpty()).isTrue();

        // Only the catch-all is left: the public price serves this segment.
        assertThat(api.put("/api/v1/deal-strategy", seller.admin(), """
                        {"rules":[{"name":"Self-serve","route":"PUBLIC_PRICE","discountMax":"5"}]}""").status())
                .isEqualTo(200);
        var publicPrice = position(seller.author(), offer);
        assertThat(publicPrice.at("/segment").asString()).isEqualTo("Self-serve");
        assertThat(publicPrice.at("/findings").toString())
                .isEqualTo("[\"PUBLIC_PRICE_SEGMENT\",\"DISCOUNT_ABOVE_BAND\"]");

        // Without rules no segment matches.
        assertThat(api.put("/api/v1/deal-strategy", seller.admin(), "{\"rules\":[]}")
                        .status())
                .isEqualTo(200);
        var none = position(seller.author(), offer);
        assertThat(none.at("/segment").isNull()).isTrue();
        assertThat(none.at("/findings").toString()).isEqualTo("[\"NO_SEGMENT\"]");
    }

    @Test
    void anotherPartysOfferHasNoPositionForTheCaller() {
        var seller = fixtures.seller();
        var other = fixtures.seller();
        var offer = fixtures.draft(seller, "700.00");

        assertThat(api.get("/api/v1/offers/" + offer + "/position", other.admin())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/offers/" + offer + "/position", OfferFixtures.AUTHOR)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/offers/offer-doesnotexist1/position", seller.author())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aReleasedOfferIsPositionedOnceAsTheStrategyStoodAtRelease() {
        var seller = fixtures.seller();
        assertThat(api.put("/api/v1/deal-strategy", seller.admin(), strategy(template(seller), false))
                        .status())
                .isEqualTo(200);
        var offer = fixtures.draft(seller, "700.00");

        var released = fixtures.release(seller.author(), offer);

        assertThat(released.at("/status").asString()).as(released.toString()).isEqualTo("SUCCEEDED");
        var recorded = awaitPosition(offer);
        assertThat(recorded.get("party_id")).hasToString(ownerOf(offer));
        assertThat(recorded.get("segment")).isEqualTo("Strategic");
        assertThat((BigDecimal) recorded.get("discount_percent")).isEqualByComparingTo("30");
        // The position recorded with the publication stays as it was: a later strategy does not rewrite history.
        assertThat(api.put("/api/v1/deal-strategy", seller.admin(), "{\"rules\":[]}")
                        .status())
                .isEqualTo(200);
        assertThat(awaitPosition(offer).get("segment")).isEqualTo("Strategic");
        assertThat(jdbc.sql("SELECT count(*) FROM gtm.offer_position WHERE offer_id = :offer")
                        .param("offer", offer)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() {
        var docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/deal-strategy", "/api/v1/offers/{offerId}/position");
    }

    @Test
    void theDemoSellerServesGlobexWithPrivateOffersFromItsEnterpriseTemplate() {
        var demo = api.get("/api/v1/deal-strategy", OfferFixtures.AUTHOR);

        assertThat(demo.status()).isEqualTo(200);
        assertThat(demo.json().at("/rules").findValuesAsString("name"))
                .containsExactly("Strategic", "Mid-market", "Self-serve");
        var strategic = demo.json().at("/rules/0");
        assertThat(strategic.at("/keyAccounts/0").asString()).isEqualTo(OfferFixtures.GLOBEX_ACCOUNT);
        assertThat(strategic.at("/defaultTemplateId").asString()).isEqualTo("offertpl-acmedemo0000001");
        assertThat(demo.json().at("/rules/1/valueMin").decimalValue()).isEqualByComparingTo("50000");
        assertThat(demo.json().at("/rules/2/route").asString()).isEqualTo("PUBLIC_PRICE");
    }

    /** The rules of these tests; {@code valueFirst} ranks the contract value range above the key account. */
    static String strategy(String template, boolean valueFirst) {
        var strategic = """
                {"name":"Strategic","route":"PRIVATE_OFFER","keyAccounts":["%s"],"discountMin":"10","discountMax":"20",
                 "defaultTemplateId":"%s"}""".formatted(OfferFixtures.GLOBEX_ACCOUNT, template);
        var midMarket = """
                {"name":"Mid-market","route":"PRIVATE_OFFER","valueCurrency":"USD","valueMin":"5000",
                 "discountMin":"0","discountMax":"15"}""";
        var selfServe = """
                {"name":"Self-serve","route":"PUBLIC_PRICE"}""";
        return "{\"rules\":[" + (valueFirst ? midMarket + "," + strategic : strategic + "," + midMarket) + ","
                + selfServe + "]}";
    }

    private String template(ApprovalFixtures.Seller seller) {
        var created = api.post("/api/v1/offer-templates", seller.author(), "{\"name\":\"Strategic deals\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    private JsonNode position(String email, String offer) {
        var position = api.get("/api/v1/offers/" + offer + "/position", email);
        assertThat(position.status()).as(position.body()).isEqualTo(200);
        return position.json();
    }

    private String ownerOf(String offer) {
        return jdbc.sql("SELECT seller_party_id FROM offers.offer WHERE id = :offer")
                .param("offer", offer)
                .query(String.class)
                .single();
    }

    /** The listener places the offer after the release commits; polls as a client would. */
    private Map<String, @Nullable Object> awaitPosition(String offer) {
        Optional<Map<String, @Nullable Object>> row = Polls.poll(
                        "offer " + offer + " to be positioned", Duration.ofMillis(25), Duration.ofMinutes(1))
                .until(
                        () -> jdbc
                                .sql("SELECT party_id, segment, discount_percent FROM gtm.offer_position"
                                        + " WHERE offer_id = :offer")
                                .param("offer", offer)
                                .query()
                                .listOfRows()
                                .stream()
                                .findFirst(),
                        Optional::isPresent);
        return row.orElseThrow();
    }
}
