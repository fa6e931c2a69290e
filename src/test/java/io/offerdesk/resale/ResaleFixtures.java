package io.offerdesk.resale;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.TestApi;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Builds resale authorization change sets as a client would send them, and waits for them like a client polls. */
final class ResaleFixtures {

    static final String ISV = "author@acme.example";
    static final String PARTNER = "admin@northwind.example";
    static final String PARTNER_ACCOUNT = "300000000001";
    static final String OTHER_ISV = "admin@nimbus.example";
    static final String GLOBEX_ACCOUNT = "400000000001";
    static final String RA = "$RA.Entity.Identifier";

    private final TestApi api;
    private final OfferFixtures offers;

    ResaleFixtures(TestApi api) {
        this.api = api;
        this.offers = new OfferFixtures(api);
    }

    LocalDate today() {
        return offers.today();
    }

    /** A demo product of Acme's by title, looked for on every page: other tests add products of Acme's. */
    String productId(String title) {
        var page = api.get("/api/v1/products?limit=100", ISV).json();
        while (true) {
            for (var product : page.at("/items")) {
                if (product.at("/title").asString().equals(title)) {
                    return product.at("/id").asString();
                }
            }
            var next = page.at("/next");
            if (next.isMissingNode() || next.isNull()) {
                throw new AssertionError("no product " + title);
            }
            page = api.get("/api/v1/products?limit=100&after=" + next.asString(), ISV)
                    .json();
        }
    }

    static String change(String type, @Nullable String identifier, @Nullable String name, String details) {
        return """
                {"changeType":"%s","entity":{"type":"ResaleAuthorization@1.0"%s}%s,"detailsDocument":%s}""".formatted(
                        type,
                        identifier == null ? "" : ",\"identifier\":\"" + identifier + "\"",
                        name == null ? "" : ",\"changeName\":\"" + name + "\"",
                        details);
    }

    static String create(String productId, String resellerAccount) {
        return change("CreateResaleAuthorization", null, "RA", """
                {"ProductId":"%s","Name":"%s","ResellerAccountId":"%s"}""".formatted(
                        productId, unique("Northwind resale"), resellerAccount));
    }

    static String update(String type, String details) {
        return change(type, RA, null, details);
    }

    static String legal() {
        return update("UpdateLegalTerms", """
                {"Terms":[{"Type":"BuyerLegalTerm","Documents":[{"Type":"StandardEula","Version":"1.0"}]},
                 {"Type":"ResaleLegalTerm","Documents":[{"Type":"StandardResellerContract",
                  "Url":"https://acme.example/reseller.pdf"}]}]}""");
    }

    static String discount(String percentage) {
        return update("UpdatePricingTerms", """
                {"PricingModel":"Contract","Terms":[
                  {"Type":"ResaleConfigurableUpfrontPricingTerm","DiscountPercentage":"%1$s"},
                  {"Type":"ResaleUsageBasedPricingTerm","DiscountPercentage":"%1$s"}]}""".formatted(percentage));
    }

    String availability(int days, boolean singleUse) {
        return update(
                "UpdateAvailability",
                "{\"AvailabilityEndDate\":\"%s\"%s}"
                        .formatted(today().plusDays(days), singleUse ? ",\"OffersMaxQuantity\":1" : ""));
    }

    static String buyers(String... accounts) {
        return update("UpdateBuyerTargetingTerms", """
                {"Terms":[{"Type":"BuyerTargetingTerm","PositiveTargeting":{"BuyerAccounts":[%s]}}]}""".formatted(String.join(
                ",", List.of(accounts).stream().map(a -> "\"" + a + "\"").toList())));
    }

    static String release() {
        return update("ReleaseResaleAuthorization", "{}");
    }

    /** A released single-use Acme Insights authorization for Northwind and Globex at 20% off list. */
    List<String> releasedDiscount(boolean singleUse) {
        return new ArrayList<>(List.of(
                create(productId("Acme Insights"), PARTNER_ACCOUNT),
                buyers(GLOBEX_ACCOUNT),
                availability(30, singleUse),
                legal(),
                discount("20"),
                release()));
    }

    JsonNode run(String email, List<String> changes) {
        return offers.run(email, changes);
    }

    JsonNode succeeded(String email, List<String> changes) {
        var done = run(email, changes);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done;
    }

    /** Runs the changes, expects them to fail, and returns every error code. */
    List<String> failed(String email, List<String> changes) {
        var done = run(email, changes);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("FAILED");
        var codes = new ArrayList<String>();
        done.at("/changeSet")
                .forEach(c -> c.at("/errorDetailList")
                        .forEach(e -> codes.add(e.at("/code").asString())));
        return codes;
    }

    /** The id of the authorization the first change of a succeeded change set created or changed. */
    static String id(JsonNode done) {
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    String released(boolean singleUse) {
        return id(succeeded(ISV, releasedDiscount(singleUse)));
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
