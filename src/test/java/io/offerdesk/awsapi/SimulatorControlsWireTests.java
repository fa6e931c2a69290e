package io.offerdesk.awsapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.awsapi.support.AwsClients;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The simulator's controls as automation sees them through boto3: the operator throttles a seller's GetEntitlements
 * over REST, boto3 raises the model's ThrottlingException (in awsJson and in CBOR) for as many calls as set, or until
 * the operator clears the throttle, and then the calls succeed again; and the next change set on an entity fails with
 * the code the operator chose, once.
 */
@EndToEndTest
class SimulatorControlsWireTests {

    static final String OPERATOR = "operator@offerdesk.example";
    static final String AUTHOR = AgreementFixtures.AUTHOR;

    @Autowired
    TestApi api;

    String product;
    String acme;

    @BeforeEach
    void sellersProduct() {
        product = new AgreementFixtures(api).saasProduct();
        acme = api.get("/api/v1/parties/me", AUTHOR).json().at("/id").asString();
    }

    /** Acme is every test's seller: a throttle left over by a failed test must not fail the next classes. */
    @AfterEach
    void clearAcmesThrottle() {
        api.delete(
                "/api/v1/simulation/throttles?partyId=" + acme
                        + "&service=marketplace-entitlement&operation=GetEntitlements",
                OPERATOR);
    }

    @Test
    void aThrottleOfTwoCallsRaisesThrottlingExceptionTwiceThenLetsCallsThrough() {
        var set = throttle("""
                {"partyId":"%s","service":"marketplace-entitlement","operation":"GetEntitlements","calls":2}""".formatted(acme));
        assertThat(set.at("/remaining").asInt()).isEqualTo(2);

        var calls = calls(List.of("json", "cbor", "json"));
        assertThrottled(calls.get(0), "application/x-amz-json-1.1");
        assertThrottled(calls.get(1), "application/cbor");
        assertThat(calls.get(2).at("/ok").asBoolean())
                .as(calls.get(2).toString())
                .isTrue();
        assertThat(throttles()).as("a counted throttle ends with its last call").isEmpty();
    }

    @Test
    void aThrottleUntilClearedHoldsUntilTheOperatorClearsIt() {
        throttle("""
                {"partyId":"%s","service":"marketplace-entitlement","operation":"GetEntitlements"}""".formatted(acme));
        var throttled = calls(List.of("json", "json"));
        assertThrottled(throttled.get(0), "application/x-amz-json-1.1");
        assertThrottled(throttled.get(1), "application/x-amz-json-1.1");
        assertThat(throttles()).anySatisfy(t -> {
            assertThat(t.at("/partyId").asString()).isEqualTo(acme);
            assertThat(t.at("/remaining").isNull()).isTrue();
        });

        var cleared = api.delete(
                "/api/v1/simulation/throttles?partyId=" + acme
                        + "&service=marketplace-entitlement&operation=GetEntitlements",
                OPERATOR);
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(204);
        var after = calls(List.of("json"));
        assertThat(after.get(0).at("/ok").asBoolean())
                .as(after.get(0).toString())
                .isTrue();
    }

    @Test
    void onlyTheOperatorSetsThrottlesAndBadOnesAreRefusedNamingTheField() {
        var body = """
                {"partyId":"%s","service":"marketplace-entitlement","operation":"GetEntitlements","calls":1}""".formatted(acme);
        assertThat(api.post("/api/v1/simulation/throttles", AUTHOR, body).status())
                .isEqualTo(403);
        var bad = api.post("/api/v1/simulation/throttles", OPERATOR, """
                {"partyId":"%s","service":"marketplace-entitlement","operation":"Get Entitlements","calls":0}""".formatted(acme));
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.body()).contains("operation").contains("calls");
        assertThat(throttles())
                .noneSatisfy(t -> assertThat(t.at("/partyId").asString()).isEqualTo(acme));
        var unknown = api.delete(
                "/api/v1/simulation/throttles?partyId=" + acme + "&service=marketplace-entitlement&operation=Nothing",
                OPERATOR);
        assertThat(unknown.status()).isEqualTo(404);
    }

    /**
     * A fault's error must be one the operation's model lists, so that the client's SDK can parse it: an unknown
     * operation or an error of another operation is refused naming the field; a fault with a modeled error is listed
     * under /faults, not under /throttles, which lists the ThrottlingException faults alone.
     */
    @Test
    void aFaultsErrorIsOneTheOperationsModelListsAndOnlyThrottlesAreListedAsThrottles() {
        var unknownOperation = api.post("/api/v1/simulation/faults", OPERATOR, """
                {"partyId":"%s","service":"marketplace-entitlement","operation":"GetNothing"}""".formatted(acme));
        assertThat(unknownOperation.status()).as(unknownOperation.body()).isEqualTo(422);
        assertThat(unknownOperation.body()).contains("operation");
        var otherOperationsError = api.post("/api/v1/simulation/faults", OPERATOR, """
                {"partyId":"%s","service":"marketplace-entitlement","operation":"GetEntitlements",                "errorCode":"ConflictException"}""".formatted(acme));
        assertThat(otherOperationsError.status())
                .as(otherOperationsError.body())
                .isEqualTo(422);
        assertThat(otherOperationsError.body()).contains("errorCode").contains("InternalServiceErrorException");

        var set = api.post("/api/v1/simulation/faults", OPERATOR, """
                {"partyId":"%s","service":"marketplace-entitlement","operation":"GetEntitlements",                "errorCode":"InternalServiceErrorException"}""".formatted(acme));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().at("/remaining").isNull()).as("until cleared").isTrue();
        var faults = api.get("/api/v1/simulation/faults", OPERATOR).json().at("/faults");
        assertThat(faults.findValuesAsString("errorCode")).contains("InternalServiceErrorException");
        assertThat(throttles()).as("not a throttle").isEmpty();
        var failed = calls(List.of("json", "cbor"));
        assertThat(failed)
                .allSatisfy(outcome -> AwsClients.assertRaised(outcome, "InternalServiceErrorException", 500));
    }

    /**
     * Through the REST change-set API: the Catalog API's StartChangeSet runs on the same engine (boto3 drives it once
     * the Catalog branch is merged).
     */
    @Test
    void theNextChangeSetOnAnEntityFailsWithTheChosenCodeOnce() {
        var offers = new AgreementFixtures(api);
        var offer = offers.installmentOffer(product, AgreementFixtures.GLOBEX_ACCOUNT);
        var set = api.post("/api/v1/simulation/change-set-failures", OPERATOR, """
                {"partyId":"%s","entityId":"%s","errorCode":"INCOMPATIBLE_PRICING"}""".formatted(acme, offer));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        var rename = List.of(OfferFixtures.change(
                "UpdateInformation", offer, null, "{\"Name\":\"" + OfferFixtures.unique("Renamed") + "\"}"));

        var failed = offers.offers().run(AUTHOR, rename);
        assertThat(failed.at("/status").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.toString()).contains("INCOMPATIBLE_PRICING").contains("CLIENT_ERROR");
        var listed = api.get("/api/v1/simulation/change-set-failures", OPERATOR).json();
        assertThat(listed.at("/changeSetFailures").findValuesAsString("entityId"))
                .as("the failure is used up")
                .doesNotContain(offer);

        var again = offers.offers().run(AUTHOR, rename);
        assertThat(again.at("/status").asString()).as(again.toString()).isEqualTo("SUCCEEDED");
    }

    /**
     * A delay of a few seconds: the change set is not final right after its start, and applied only once the delay
     * has passed (its end is at least the delay after its start), then the delay is cleared.
     */
    @Test
    void aDelayedChangeSetStaysApplyingUntilTheDelayHasPassed() {
        var offers = new AgreementFixtures(api);
        var offer = offers.installmentOffer(product, AgreementFixtures.GLOBEX_ACCOUNT);
        var delay = api.post("/api/v1/simulation/change-set-delays", OPERATOR, """
                {"partyId":"%s","delay":"PT3S"}""".formatted(acme));
        assertThat(delay.status()).as(delay.body()).isEqualTo(200);
        try {
            var started = api.post(
                    "/api/v1/change-sets",
                    AUTHOR,
                    OfferFixtures.set(List.of(OfferFixtures.change(
                            "UpdateInformation",
                            offer,
                            null,
                            "{\"Name\":\"" + OfferFixtures.unique("Delayed") + "\"}"))));
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            var id = started.json().at("/changeSetId").asString();
            assertThat(api.get("/api/v1/change-sets/" + id, AUTHOR)
                            .json()
                            .at("/status")
                            .asString())
                    .isIn("PREPARING", "APPLYING");
            var done = api.finishedChangeSet(AUTHOR, started);
            assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
            assertThat(java.time.Duration.between(
                            java.time.Instant.parse(done.at("/startTime").asString()),
                            java.time.Instant.parse(done.at("/endTime").asString())))
                    .isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(3));
        } finally {
            assertThat(api.delete("/api/v1/simulation/change-set-delays?partyId=" + acme, OPERATOR)
                            .status())
                    .isEqualTo(204);
        }
        var bad = api.post("/api/v1/simulation/change-set-delays", OPERATOR, """
                {"partyId":"%s","delay":"P2D"}""".formatted(acme));
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
    }

    @Test
    void aChangeSetFailureIsClearedBeforeItIsUsed() {
        var entity = "offer-" + OfferFixtures.unique("x").replaceAll("[^a-z0-9]", "");
        var bad = api.post("/api/v1/simulation/change-set-failures", OPERATOR, """
                {"partyId":"%s","entityId":"%s","errorCode":"not a code"}""".formatted(acme, entity));
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.body()).contains("errorCode");
        var set = api.post("/api/v1/simulation/change-set-failures", OPERATOR, """
                {"partyId":"%s","entityId":"%s","errorCode":"SIMULATED"}""".formatted(acme, entity));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        var path = "/api/v1/simulation/change-set-failures?partyId=" + acme + "&entityId=" + entity;
        assertThat(api.delete(path, AUTHOR).status()).isEqualTo(403);
        assertThat(api.delete(path, OPERATOR).status()).isEqualTo(204);
        assertThat(api.delete(path, OPERATOR).status()).isEqualTo(404);
    }

    private JsonNode throttle(String body) {
        var set = api.post("/api/v1/simulation/throttles", OPERATOR, body);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        return set.json();
    }

    /** The throttles the operator sees for Acme (other test classes may throttle their own parties). */
    private List<JsonNode> throttles() {
        var listed = api.get("/api/v1/simulation/throttles", OPERATOR);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        var mine = new ArrayList<JsonNode>();
        listed.json().at("/throttles").forEach(t -> {
            if (t.at("/partyId").asString().equals(acme)) {
                mine.add(t);
            }
        });
        return mine;
    }

    private List<JsonNode> calls(List<String> protocols) {
        var result = AwsClients.boto3(
                "entitlement.py",
                Map.of(
                        "endpoint",
                        api.baseUrl() + "/aws/entitlement",
                        "product",
                        product,
                        "seller",
                        AwsClients.accessKey(api, AUTHOR, AUTHOR),
                        "calls",
                        protocols));
        var calls = new ArrayList<JsonNode>();
        result.at("/calls").forEach(calls::add);
        return calls;
    }

    private static void assertThrottled(JsonNode outcome, String contentType) {
        assertThat(outcome.at("/ok").asBoolean()).as(outcome.toString()).isFalse();
        assertThat(outcome.at("/exception").asString())
                .as("boto3 raised the model's exception class")
                .isEqualTo("ThrottlingException");
        assertThat(outcome.at("/status").asInt()).isEqualTo(400);
        assertThat(outcome.at("/raw/contentType").asString()).isEqualTo(contentType);
    }
}
