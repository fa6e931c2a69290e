package io.offerdesk.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.invoicing.CollectionFixtures.Buyer;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Redelivery;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import tools.jackson.databind.JsonNode;

/**
 * A buyer organization's private marketplace, end to end over REST: an administrator enables an experience that allows
 * one product for the organization's account; the account's procurement user is refused another product's offer with
 * the policy's reason, asks for it, the administrator (notified) approves, the user (notified) accepts. Every test
 * onboards buyers of its own: an experience on the demo buyer would refuse other tests' purchases.
 */
@EndToEndTest
class PrivateMarketplaceTests {

    static final String SELLER = OfferFixtures.AUTHOR;

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications publications;

    CollectionFixtures buyers;
    AgreementFixtures agreements;
    Redelivery redelivery;

    @BeforeEach
    void fixtures() {
        buyers = new CollectionFixtures(api, jdbc);
        agreements = new AgreementFixtures(api);
        redelivery = new Redelivery(jdbc, publications);
    }

    @Test
    void anEnabledExperienceRefusesOtherProductsUntilTheAdministratorApprovesARequest() {
        var buyer = buyers.buyer();
        var productA = agreements.saasProduct();
        var productB = agreements.saasProduct();
        var offerA = agreements.installmentOffer(productA, buyer.accountId());
        var offerB = agreements.installmentOffer(productB, buyer.accountId());
        var experience = enabledExperienceAllowing(buyer, productA);

        var quoteB = agreements.quote(buyer.procurement(), offerB, buyer.accountId());
        assertThat(quoteB.status()).as(quoteB.body()).isEqualTo(201);
        var requestB = quoteB.json().at("/agreementRequestId").asString();
        var refused = agreements.accept(buyer.procurement(), requestB);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().at("/reason").asString()).isEqualTo("DENIED_BY_PRIVATE_MARKETPLACE_POLICY");
        var quoteA = agreements.quote(buyer.procurement(), offerA, buyer.accountId());
        assertThat(agreements
                        .accept(
                                buyer.procurement(),
                                quoteA.json().at("/agreementRequestId").asString())
                        .status())
                .isEqualTo(201);

        var asked = api.post(
                "/api/v1/governance/product-requests", buyer.procurement(), """
                {"accountId":"%s","productId":"%s","justification":"The analytics team needs it"}""".formatted(buyer.accountId(), productB));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().at("/status").asString()).isEqualTo("PENDING");
        assertThat(asked.json().at("/experienceId").asString()).isEqualTo(experience);
        var requestId = asked.json().at("/id").asString();
        var again = api.post(
                "/api/v1/governance/product-requests", buyer.procurement(), """
                {"accountId":"%s","productId":"%s","justification":"Still needed"}""".formatted(buyer.accountId(), productB));
        assertThat(again.status()).isEqualTo(409);

        var toAdmin = notification(buyer.admin(), "/governance/requests/" + requestId);
        assertThat(toAdmin.at("/messageKey").asString()).isEqualTo("notification.productRequested");
        assertThat(toAdmin.at("/message").asString()).contains(productB);
        var someoneElses = "/api/v1/notifications/" + toAdmin.at("/id").asString() + "/read";
        assertThat(api.post(someoneElses, buyer.finance(), "{}").status()).isEqualTo(404);
        assertThat(api.post(someoneElses, SELLER, "{}").status()).isEqualTo(404);
        var read = api.post("/api/v1/notifications/" + toAdmin.at("/id").asString() + "/read", buyer.admin(), "{}");
        assertThat(read.json().at("/readAt").isNull()).isFalse();
        assertThat(api.get("/api/v1/governance/product-requests?status=PENDING", buyer.admin())
                        .json())
                .extracting(r -> r.at("/id").asString())
                .contains(requestId);

        var approved = api.post(
                "/api/v1/governance/product-requests/" + requestId + "/approve",
                buyer.admin(),
                "{\"comment\":\"Fine for analytics\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().at("/status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().at("/changeSetStatus").asString()).isEqualTo("SUCCEEDED");
        var allowed = api.get("/api/v1/governance/experiences/" + experience, buyer.admin())
                .json();
        assertThat(allowed.at("/allowedProducts"))
                .extracting(p -> p.at("/productId").asString())
                .containsExactlyInAnyOrder(productA, productB);

        var experienceTrail =
                api.get("/api/v1/audit/entries?entityType=experience&entityId=" + experience, buyer.admin());
        assertThat(experienceTrail.status()).as(experienceTrail.body()).isEqualTo(200);
        assertThat(experienceTrail.json().findValuesAsString("action"))
                .containsOnly("ExperienceChanged")
                .hasSize(2);
        var requestTrail =
                api.get("/api/v1/audit/entries?entityType=product-request&entityId=" + requestId, buyer.admin());
        assertThat(requestTrail.json().findValuesAsString("action"))
                .containsExactlyInAnyOrder("ProductRequested", "ProductRequestDecided");

        var accepted = agreements.accept(buyer.procurement(), requestB);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        var toUser = notification(buyer.procurement(), "/governance/my-requests");
        assertThat(toUser.at("/messageKey").asString()).isEqualTo("notification.productRequestApproved");
        assertThat(notifications(buyer.finance()))
                .noneMatch(n -> n.at("/link").asString().contains(requestId));
    }

    /**
     * The inbox listener, handed a request and its decision again as a resubmitted publication would (ADR 0043, 0051),
     * notifies nobody twice: a notification's source key is unique.
     */
    @Test
    void redeliveredRequestAndDecisionNotifyOnce() {
        var buyer = buyers.buyer();
        var allowed = agreements.saasProduct();
        var wanted = agreements.saasProduct();
        enabledExperienceAllowing(buyer, allowed);
        var asked = api.post(
                "/api/v1/governance/product-requests", buyer.procurement(), """
                {"accountId":"%s","productId":"%s","justification":"Asked twice"}""".formatted(buyer.accountId(), wanted));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        var requestId = asked.json().at("/id").asString();
        notification(buyer.admin(), "/governance/requests/" + requestId);
        assertThat(api.post(
                                "/api/v1/governance/product-requests/" + requestId + "/decline",
                                buyer.admin(),
                                "{\"comment\":\"Not now\"}")
                        .status())
                .isEqualTo(200);
        notification(buyer.procurement(), "/governance/my-requests");

        redelivery.redeliver("GovernanceNotifications", "ProductRequested", requestId);
        redelivery.redeliver("GovernanceNotifications", "ProductRequestDecided", requestId);

        assertThat(jdbc.sql("SELECT source_key FROM notifications.inbox WHERE source_key LIKE ?")
                        .param("%:" + requestId)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("ProductRequested:" + requestId, "ProductRequestDecided:" + requestId);
        assertThat(notifications(buyer.admin()))
                .filteredOn(n -> n.at("/link").asString().endsWith(requestId))
                .hasSize(1);
    }

    @Test
    void theOrganizationsAdministratorSeesEveryOfferToItsAccountsAndWhetherEachMayBuyIt() {
        var buyer = buyers.buyer();
        var productA = agreements.saasProduct();
        var productB = agreements.saasProduct();
        var offerB = agreements.installmentOffer(productB, buyer.accountId());
        enabledExperienceAllowing(buyer, productA);

        var offer = api.get("/api/v1/governance/offers/" + offerB, buyer.admin());

        assertThat(offer.status()).as(offer.body()).isEqualTo(200);
        assertThat(offer.json().at("/productId").asString()).isEqualTo(productB);
        assertThat(offer.json().at("/accounts/0/accountId").asString()).isEqualTo(buyer.accountId());
        assertThat(offer.json().at("/accounts/0/allowed").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/governance/offers", buyer.admin()).json())
                .extracting(o -> o.at("/offerId").asString())
                .contains(offerB);
        assertThat(api.get("/api/v1/governance/offers", buyer.procurement()).status())
                .isEqualTo(403);
    }

    @Test
    void anotherOrganizationAndSellersFindNeitherExperiencesNorRequests() {
        var buyer = buyers.buyer();
        var other = buyers.buyer();
        var product = agreements.saasProduct();
        var experience = enabledExperienceAllowing(buyer, agreements.saasProduct());
        agreements.installmentOffer(product, buyer.accountId());
        var asked = api.post(
                "/api/v1/governance/product-requests", buyer.procurement(), """
                {"accountId":"%s","productId":"%s","justification":"Needed"}""".formatted(buyer.accountId(), product));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        var requestId = asked.json().at("/id").asString();

        for (var outsider : List.of(other.admin(), other.procurement(), SELLER)) {
            assertThat(api.get("/api/v1/governance/experiences/" + experience, outsider)
                            .status())
                    .as(outsider)
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/governance/experiences", outsider).json())
                    .extracting(e -> e.at("/id").asString())
                    .doesNotContain(experience);
            assertThat(api.get("/api/v1/governance/product-requests/" + requestId, outsider)
                            .status())
                    .isEqualTo(404);
        }
        assertThat(api.post("/api/v1/governance/product-requests/" + requestId + "/approve", other.admin(), "{}")
                        .status())
                .isEqualTo(404);
        var changeByOther = api.post(
                "/api/v1/change-sets",
                other.admin(),
                set(change("UpdateExperience", experience, "{\"Status\":\"Disabled\"}")));
        assertThat(changeByOther.status()).as(changeByOther.body()).isEqualTo(404);
        var changeBySeller = api.post(
                "/api/v1/change-sets",
                SELLER,
                set(change("UpdateExperience", experience, "{\"Status\":\"Disabled\"}")));
        assertThat(changeBySeller.status()).isEqualTo(422);
        assertThat(fields(changeBySeller)).contains("changeSet[0].entity.type");
        var offerByBuyer = api.post(
                "/api/v1/change-sets",
                buyer.admin(),
                OfferFixtures.set(List.of(
                        OfferFixtures.change("CreateOffer", null, null, "{\"ProductId\":\"" + product + "\"}"))));
        assertThat(offerByBuyer.status()).isEqualTo(422);
        assertThat(fields(offerByBuyer)).contains("changeSet[0].entity.type");
        assertThat(api.get("/api/v1/governance/experiences/" + experience, buyer.admin())
                        .json()
                        .at("/status")
                        .asString())
                .isEqualTo("Enabled");
    }

    @Test
    void badChangesAndRequestsAreRefusedNamingTheFieldAndChangeNothing() {
        var buyer = buyers.buyer();
        var other = buyers.buyer();
        var experience = enabledExperienceAllowing(buyer, agreements.saasProduct());
        var before = api.get("/api/v1/governance/experiences/" + experience, buyer.admin())
                .json();

        var foreignAccount =
                change(experience, "AssociateAudience", "{\"Principals\":[\"" + other.accountId() + "\"]}", buyer);
        assertThat(foreignAccount.status()).as(foreignAccount.body()).isEqualTo(422);
        assertThat(fields(foreignAccount)).containsExactly("changeSet[0].detailsDocument.Principals[0]");
        var foreignOrganization =
                change(experience, "AssociateAudience", "{\"Principals\":[\"" + other.partyId() + "\"]}", buyer);
        assertThat(fields(foreignOrganization)).containsExactly("changeSet[0].detailsDocument.Principals[0]");
        var badProduct = change(
                experience, "AllowProductProcurement", "{\"Products\":[{\"Ids\":[\"nope\"],\"Notes\":\"x\"}]}", buyer);
        assertThat(fields(badProduct)).containsExactly("changeSet[0].detailsDocument.Products[0].Ids[0]");
        var unknownProduct = change(
                experience, "AllowProductProcurement", "{\"Products\":[{\"Ids\":[\"prod-zzzzzzzzzzzzz\"]}]}", buyer);
        assertThat(fields(unknownProduct)).containsExactly("changeSet[0].detailsDocument.Products");
        var badStatus = change(experience, "UpdateExperience", "{\"Status\":\"On\"}", buyer);
        assertThat(fields(badStatus)).containsExactly("changeSet[0].detailsDocument.Status");
        var badPolicy = change(
                experience,
                "CreateProcurementPolicy",
                "{\"Configuration\":{\"PolicyResourceRequests\":\"Yes\"}}",
                buyer);
        assertThat(fields(badPolicy))
                .containsExactly("changeSet[0].detailsDocument.Configuration.PolicyResourceRequests");
        var noName = api.post("/api/v1/governance/experiences", buyer.admin(), "{\"description\":\"nameless\"}");
        assertThat(fields(noName)).containsExactly("changeSet[0].detailsDocument.Name");

        var noJustification = api.post("/api/v1/governance/product-requests", buyer.procurement(), """
                {"accountId":"%s","productId":"%s"}""".formatted(
                        buyer.accountId(), agreements.saasProduct()));
        assertThat(noJustification.status()).isEqualTo(422);
        assertThat(fields(noJustification)).containsExactly("justification");
        var notMine = api.post("/api/v1/governance/product-requests", buyer.procurement(), """
                {"accountId":"%s","productId":"%s","justification":"x"}""".formatted(
                        other.accountId(), agreements.saasProduct()));
        assertThat(fields(notMine)).containsExactly("accountId");
        var ungoverned = api.post("/api/v1/governance/product-requests", other.procurement(), """
                {"accountId":"%s","productId":"%s","justification":"x"}""".formatted(
                        other.accountId(), agreements.saasProduct()));
        assertThat(ungoverned.status()).isEqualTo(422);
        assertThat(fields(ungoverned)).containsExactly("productId");

        var after = api.get("/api/v1/governance/experiences/" + experience, buyer.admin())
                .json();
        assertThat(after).isEqualTo(before);
        assertThat(api.get("/api/v1/governance/product-requests", buyer.admin()).json())
                .isEmpty();
    }

    @Test
    void aPolicyThatDeniesRequestsRefusesThemWithItsReason() {
        var buyer = buyers.buyer();
        var experience = enabledExperienceAllowing(buyer, agreements.saasProduct());
        var denied = finished(
                buyer,
                change(
                        experience,
                        "CreateProcurementPolicy",
                        "{\"Configuration\":{\"PolicyResourceRequests\":\"Deny\"}}",
                        buyer));
        assertThat(denied.at("/status").asString()).isEqualTo("SUCCEEDED");

        var asked = api.post("/api/v1/governance/product-requests", buyer.procurement(), """
                {"accountId":"%s","productId":"%s","justification":"x"}""".formatted(
                        buyer.accountId(), agreements.saasProduct()));

        assertThat(asked.status()).isEqualTo(422);
        assertThat(asked.json().at("/errors/0/code").asString()).isEqualTo("governance.requestsNotAccepted");
    }

    @Test
    void aPublicOfferForAProductTheExperienceDoesNotAllowIsRefusedToo() {
        var buyer = buyers.buyer();
        // The product's list prices are not in the catalog, so that its one public offer can be an Offer@1.0.
        var product = api.post("/api/v1/products", SELLER, """
                {"type":"SAAS","title":"%s","shortDescription":"Governed public offer",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"}],
                 "fulfillmentUrl":"https://acme.example/signup"}""".formatted(OfferFixtures.unique("Public product")))
                .json()
                .at("/id")
                .asString();
        var publicOffer = agreements.released(
                agreements
                        .offers()
                        .privateOffer(product, OfferFixtures.unique("Public"), buyer.accountId(), null)
                        .stream()
                        .filter(change -> !change.contains("UpdateTargeting") && !change.contains("UpdateAvailability"))
                        .toList());
        enabledExperienceAllowing(buyer, agreements.saasProduct());

        var quote = agreements.quote(buyer.procurement(), publicOffer, buyer.accountId());
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var refused = agreements.accept(
                buyer.procurement(), quote.json().at("/agreementRequestId").asString());

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().at("/reason").asString()).isEqualTo("DENIED_BY_PRIVATE_MARKETPLACE_POLICY");
    }

    /** Creates, fills and enables an experience in one change set; returns its id. */
    private String enabledExperienceAllowing(Buyer buyer, String productId) {
        var done = api.finishedChangeSet(
                buyer.admin(),
                api.post(
                        "/api/v1/change-sets",
                        buyer.admin(),
                        set(
                                """
                                {"changeType":"CreateExperience","changeName":"E","entity":{"type":"Experience@1.0"},
                                 "detailsDocument":{"Name":"Only approved","Description":"Test experience"}}""",
                                change(
                                        "AllowProductProcurement",
                                        "$E.Entity.Identifier",
                                        "{\"Products\":[{\"Ids\":[\"" + productId + "\"],\"Notes\":\"Standard\"}]}"),
                                change(
                                        "AssociateAudience",
                                        "$E.Entity.Identifier",
                                        "{\"Principals\":[\"" + buyer.partyId() + "\"]}"),
                                change("UpdateExperience", "$E.Entity.Identifier", "{\"Status\":\"Enabled\"}"))));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    private Reply change(String experience, String changeType, String details, Buyer buyer) {
        return api.post(
                "/api/v1/governance/experiences/" + experience + "/changes",
                buyer.admin(),
                "{\"changeType\":\"%s\",\"details\":%s}".formatted(changeType, details));
    }

    private JsonNode finished(Buyer buyer, Reply started) {
        return api.finishedChangeSet(buyer.admin(), started);
    }

    private static String change(String type, String identifier, String details) {
        return """
                {"changeType":"%s","entity":{"type":"Experience@1.0","identifier":"%s"},"detailsDocument":%s}""".formatted(type, identifier, details);
    }

    private static String set(String... changes) {
        return "{\"changeSet\":[" + String.join(",", changes) + "]}";
    }

    private static List<String> fields(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        return StreamSupport.stream(reply.json().at("/errors").spliterator(), false)
                .map(error -> error.at("/field").asString())
                .toList();
    }

    private List<JsonNode> notifications(String email) {
        return StreamSupport.stream(
                        api.get("/api/v1/notifications", email)
                                .json()
                                .at("/notifications")
                                .spliterator(),
                        false)
                .toList();
    }

    /** Waits, as a client polls, for the notification with the link (listeners run after the commit). */
    private JsonNode notification(String email, String link) {
        for (int i = 0; i < 400; i++) {
            @Nullable
            JsonNode found = notifications(email).stream()
                    .filter(n -> n.at("/link").asString().equals(link))
                    .findFirst()
                    .orElse(null);
            if (found != null) {
                return found;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no notification for " + email + " linking to " + link);
    }
}
