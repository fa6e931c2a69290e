package io.offerdesk.gtm;

import static io.offerdesk.gtm.CrmFixtures.opportunity;
import static io.offerdesk.gtm.CrmFixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The CRM integration as a seller sets it up and a CRM calls it: the administrator connects the documented
 * Salesforce-shaped mapping, tests it on the documented opportunity, and the CRM's signed payloads start one draft
 * from the template per won opportunity; unsigned, forged and stale calls change nothing.
 */
@EndToEndTest
class CrmTests {

    static final String ADMIN = "admin@acme.example";
    static final String AUTHOR = OfferFixtures.AUTHOR;
    static final String NIMBUS = OfferFixtures.NIMBUS;
    static final String PASSWORD = "offerdesk-demo";

    @Autowired
    TestApi api;

    @Autowired
    PrincipalSource principals;

    OfferFixtures fixtures;
    CrmFixtures crm;
    String templateId;
    String productId;

    @BeforeEach
    void offerTemplate() {
        fixtures = new OfferFixtures(api);
        crm = new CrmFixtures(api, principals);
        productId = fixtures.productId("Acme Insights");
        var pricing = created(AUTHOR, "/api/v1/pricing-templates", """
                {"name":"%s","shape":"ANNUAL_IN_ADVANCE","durationMonths":36}""".formatted(OfferFixtures.unique("36 months")));
        templateId = created(AUTHOR, "/api/v1/offer-templates", """
                        {"name":"%s","pricingTemplateId":"%s","expiryDays":30}""".formatted(
                                OfferFixtures.unique("Three-year annual"),
                                pricing.at("/id").asString()))
                .at("/id")
                .asString();
    }

    @Test
    void aWonOpportunityStartsOneDraftFromTheTemplateAndNothingElseGetsIn() {
        var connection = connect(ADMIN);
        var id = connection.at("/id").asString();
        var secret = connection.at("/secret").asString();
        assertThat(secret).startsWith("crmsec_");
        assertThat(connection.at("/inboundPath").asString()).isEqualTo("/api/v1/crm/inbound/" + id);
        assertThat(api.get("/api/v1/crm/connections/" + id, ADMIN).json().has("secret"))
                .isTrue();
        assertThat(api.get("/api/v1/crm/connections/" + id, ADMIN)
                        .json()
                        .at("/secret")
                        .isNull())
                .isTrue();

        var opportunity = opportunity(OfferFixtures.unique("006"));

        // Unsigned, forged, stale: 401 and not even a receipt.
        assertThat(inbound(id, null, opportunity).status()).isEqualTo(401);
        assertThat(inbound(id, sign("crmsec_wrong", Instant.now(), opportunity), opportunity)
                        .status())
                .isEqualTo(401);
        var stale = inbound(id, sign(secret, Instant.now().minus(Duration.ofMinutes(6)), opportunity), opportunity);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.json().at("/code").asString()).isEqualTo("crm.signature.invalid");
        var tampered = inbound(id, sign(secret, Instant.now(), opportunity), opportunity.replace("30", "99"));
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(receipts(id)).isEmpty();

        // Not won yet: recorded and ignored.
        var negotiation = opportunity.replace("Closed Won", "Negotiation");
        assertThat(inbound(id, sign(secret, Instant.now(), negotiation), negotiation)
                        .status())
                .isEqualTo(202);

        // Won: a draft from the template, as the author, named and targeted from the payload.
        var won = inbound(id, sign(secret, Instant.now(), opportunity), opportunity);
        assertThat(won.status()).as(won.body()).isEqualTo(201);
        assertThat(won.json().at("/outcome").asString()).isEqualTo("CREATED");
        var offerId = won.json().at("/offerId").asString();
        var offer = api.get("/api/v1/offers/" + offerId, AUTHOR).json().at("/offer");
        assertThat(offer.at("/state").asString()).isEqualTo("Draft");
        assertThat(offer.at("/name").asString()).isEqualTo("Globex - Insights, 3 years");
        assertThat(offer.at("/buyerAccounts"))
                .extracting(JsonNode::asString)
                .containsExactly("400000000001", "400000000002");
        assertThat(offer.at("/availabilityEndDate").asString())
                .isEqualTo(fixtures.today().plusDays(30).toString());
        var schedule = new ArrayList<JsonNode>();
        for (var term : offer.at("/details/Terms")) {
            if (term.at("/Type").asString().equals("PaymentScheduleTerm")) {
                term.at("/Schedule").forEach(schedule::add);
            }
        }
        assertThat(schedule).hasSize(3);
        var changeSet =
                api.get("/api/v1/change-sets/" + won.json().at("/changeSetId").asString(), AUTHOR);
        assertThat(changeSet.status()).isEqualTo(200);
        assertThat(changeSet.body()).contains("via CRM connection");

        // The CRM resends (a timeout on its side): the same draft, not a second one.
        var again = inbound(id, sign(secret, Instant.now(), opportunity), opportunity);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().at("/duplicate").asBoolean()).isTrue();
        assertThat(again.json().at("/offerId").asString()).isEqualTo(offerId);
        assertThat(again.json().at("/changeSetId").asString())
                .isEqualTo(won.json().at("/changeSetId").asString());

        // A product the lookup does not know, and a discount the template refuses: 422 naming the field, recorded.
        var unknownProduct = opportunity(OfferFixtures.unique("006")).replace("INSIGHTS-PRO", "UNKNOWN-SKU");
        var refused = inbound(id, sign(secret, Instant.now(), unknownProduct), unknownProduct);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused.json())).contains("payload.productId");
        var tooMuch = opportunity(OfferFixtures.unique("006")).replace("\"Discount__c\": 30", "\"Discount__c\": 130");
        var refusedByTemplate = inbound(id, sign(secret, Instant.now(), tooMuch), tooMuch);
        assertThat(refusedByTemplate.status()).as(refusedByTemplate.body()).isEqualTo(422);
        assertThat(fields(refusedByTemplate.json())).allMatch(f -> f.startsWith("offer."));

        assertThat(receipts(id))
                .extracting(r -> r.at("/outcome").asString())
                .containsExactly("REFUSED", "REFUSED", "CREATED", "IGNORED");
        assertThat(receipts(id).get(0).at("/violations/0/field").asString()).startsWith("offer.");

        // Switched off: the CRM's calls find nothing.
        var off = api.put("/api/v1/crm/connections/" + id, ADMIN, """
                {"name":"Salesforce","mapping":%s,"active":false}""".formatted(mapping()));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(inbound(id, sign(secret, Instant.now(), opportunity), opportunity)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theMappingIsTestedOnASamplePayloadAndBadMappingsAreRefusedNamingThePlace() {
        var test = api.post(
                "/api/v1/crm/mapping-test", ADMIN, """
                {"mapping": %s, "payload": %s}""".formatted(mapping(), opportunity("0065g00000AbCdEAAZ")));
        assertThat(test.status()).as(test.body()).isEqualTo(200);
        assertThat(test.json().at("/triggered").asBoolean()).isTrue();
        assertThat(test.json().at("/values/templateId").asString()).isEqualTo(templateId);
        assertThat(test.json().at("/values/productId").asString()).isEqualTo(productId);
        assertThat(test.json().at("/values/discountPercent").asString()).isEqualTo("30");
        assertThat(test.json().at("/violations")).isEmpty();

        var bad = api.post("/api/v1/crm/connections", ADMIN, """
                {"name":"Salesforce","mapping":{"fields":{"externalId":{"pointer":"Id"},"templateId":{"value":"x"}}}}""");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(fields(bad.json()))
                .containsExactlyInAnyOrder(
                        "mapping.fields.externalId.pointer",
                        "mapping.fields.buyerAccountIds",
                        "mapping.fields.productId");
        var unnamed = api.post("/api/v1/crm/connections", ADMIN, """
                {"mapping": %s}""".formatted(mapping()));
        assertThat(fields(unnamed.json())).containsExactly("name");
        var buyer = api.post("/api/v1/crm/connections", ADMIN, """
                {"name":"x","mapping":%s,"actingUserId":"00000000-0000-0000-0000-000000000001"}""".formatted(mapping()));
        assertThat(fields(buyer.json())).containsExactly("actingUserId");
    }

    @Test
    void onlyTheSellersAdministratorSeesItsConnections() {
        var id = connect(ADMIN).at("/id").asString();

        assertThat(api.get("/api/v1/crm/connections/" + id, NIMBUS).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/crm/connections/" + id + "/receipts", NIMBUS)
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/crm/connections/" + id + "/rotate-secret", NIMBUS, "{}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/crm/connections", AUTHOR).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/crm/connections", OfferFixtures.GLOBEX).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/crm/connections", NIMBUS).json().at("/connections"))
                .noneMatch(c -> c.at("/id").asString().equals(id));
        assertThat(inbound("crm-doesnotexist00", "t=1,v1=00", "{}").status()).isEqualTo(404);

        // A rotated secret is the only one that works from then on.
        var old = api.get("/api/v1/crm/connections/" + id, ADMIN).json();
        var rotated = api.post("/api/v1/crm/connections/" + id + "/rotate-secret", ADMIN, "{}");
        assertThat(rotated.status()).isEqualTo(200);
        var newSecret = rotated.json().at("/secret").asString();
        assertThat(newSecret).startsWith("crmsec_");
        var ignored = opportunity("x").replace("Closed Won", "Prospecting");
        assertThat(inbound(id, sign(newSecret, Instant.now(), ignored), ignored).status())
                .isEqualTo(202);
        assertThat(old.at("/secretRotatedAt").asString())
                .isNotEqualTo(rotated.json().at("/secretRotatedAt").asString());
    }

    @Test
    void theAdministratorConnectsTestsAndReadsReceiptsOnThePagesInEnglishAndChinese() {
        var id = connect(ADMIN).at("/id").asString();
        var session = new SignedInSession(api, ADMIN, PASSWORD);

        var list = page(session, "/crm");
        assertThat(list).contains(id, "Connect a CRM", "Salesforce");
        assertThat(page(session, "/crm?lang=zh-CN")).contains("CRM 连接", "连接 CRM");

        var detail = page(session, "/crm/" + id + "?lang=en");
        assertThat(detail).contains("/api/v1/crm/inbound/" + id, "Test this mapping on the sample");

        var tested = session.post(
                "/crm/" + id,
                "/crm/" + id + "/test",
                "mapping=" + encode(mapping()) + "&payload=" + encode(opportunity("0065g00000AbCdEAAZ")));
        var result = new String(tested.body(), StandardCharsets.UTF_8);
        assertThat(tested.statusCode()).isEqualTo(200);
        assertThat(result).contains("id=\"test-result\"", "The trigger matches", templateId, productId);

        var broken = session.post(
                "/crm/" + id, "/crm/" + id + "/test", "mapping=" + encode("{\"fields\":1}") + "&payload=%7B%7D");
        assertThat(new String(broken.body(), StandardCharsets.UTF_8))
                .contains("mapping.fields", "Must be a JSON object.");

        var author = principals.findLogin(AUTHOR).orElseThrow().principal().userId();
        assertThat(list).contains("value=\"" + author + "\"");
        var created = session.post(
                "/crm",
                "/crm/connections",
                "name=" + encode("HubSpot") + "&actingUserId=" + author + "&mapping=" + encode(mapping()));
        assertThat(created.statusCode()).isEqualTo(302);
        var location = created.headers().firstValue("Location").orElseThrow();
        assertThat(page(session, location.replaceFirst("^https?://[^/]+", ""))).contains("crmsec_", "HubSpot");
        assertThat(new SignedInSession(api, AUTHOR, PASSWORD).get("/crm").statusCode())
                .isEqualTo(403);
    }

    JsonNode connect(String admin) {
        return crm.connect(admin, AUTHOR, mapping());
    }

    String mapping() {
        return CrmFixtures.mapping(CrmFixtures.DOCUMENTED_TEMPLATE, templateId, productId);
    }

    Reply inbound(String connectionId, @Nullable String signature, String body) {
        return crm.inbound(connectionId, signature, body);
    }

    List<JsonNode> receipts(String id) {
        var list = new ArrayList<JsonNode>();
        api.get("/api/v1/crm/connections/" + id + "/receipts", ADMIN)
                .json()
                .at("/receipts")
                .forEach(list::add);
        return list;
    }

    JsonNode created(String email, String path, String body) {
        var reply = api.post(path, email, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    static List<String> fields(JsonNode problem) {
        var fields = new ArrayList<String>();
        problem.at("/errors").forEach(e -> fields.add(e.at("/field").asString()));
        return fields;
    }

    static String page(SignedInSession session, String path) {
        var response = session.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
