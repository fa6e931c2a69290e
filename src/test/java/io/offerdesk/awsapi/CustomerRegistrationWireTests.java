package io.offerdesk.awsapi;

import static io.offerdesk.awsapi.support.AwsClients.assertRaised;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.awsapi.support.AwsClients;
import io.offerdesk.awsapi.support.BotocoreConformance;
import io.offerdesk.metering.MeteringFixtures;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.parties.internal.DemoParties;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SaaS registration and container registration as AWS's own clients call them: boto3 ({@code awsapi/registration.py})
 * and the AWS CLI resolve the registration token a buyer got from "Set up your account" to the buyer's customer
 * identifier, account and license, and get the model's exceptions for tokens that are not theirs, never existed or
 * expired.
 */
// Moves the shared simulated clock forward (past a token's validity): runs after the tests that do not.
@Order(Order.DEFAULT + 62)
@EndToEndTest
class CustomerRegistrationWireTests {

    static final String AUTHOR = AgreementFixtures.AUTHOR;
    static final String GLOBEX = AgreementFixtures.GLOBEX;
    static final String GLOBEX_ACCOUNT = AgreementFixtures.GLOBEX_ACCOUNT;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final BotocoreConformance METERING = BotocoreConformance.of("meteringmarketplace");

    @Autowired
    TestApi api;

    MeteringFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new MeteringFixtures(api);
    }

    @Test
    void boto3AndTheCliResolveTheBuyersRegistrationTokenAndRaiseTheModeledExceptions() {
        var product = fixtures.meteredSaasProduct();
        fixtures.boughtByGlobex(product);
        var token = registrationToken(product);
        var entitlement = entitlementOf(product);

        var result = boto3(Map.of(
                "scenario",
                "resolve",
                "token",
                token,
                "seller",
                accessKey(AUTHOR, AUTHOR),
                "otherSeller",
                accessKey(OfferFixtures.NIMBUS, OfferFixtures.NIMBUS)));

        var resolved = result.at("/resolved");
        assertThat(resolved.at("/ok").asBoolean()).as(resolved.toString()).isTrue();
        assertThat(resolved.at("/response/ProductCode").asString()).isEqualTo(product);
        assertThat(resolved.at("/response/CustomerAWSAccountId").asString()).isEqualTo(GLOBEX_ACCOUNT);
        assertThat(resolved.at("/response/CustomerIdentifier").asString())
                .as("the customer identifier GetEntitlements names the buyer by")
                .isEqualTo(entitlement.at("/customerIdentifier").asString());
        assertThat(resolved.at("/response/LicenseArn").asString())
                .isEqualTo(entitlement.at("/licenseArn").asString());
        assertConforms(resolved.at("/raw"));
        assertRaised(result.at("/otherSeller"), "InvalidTokenException", 400);
        assertThat(result.at("/otherSeller/message").asString())
                .as("another seller's token is refused exactly as one nobody issued")
                .isEqualTo(result.at("/neverIssued/message").asString());
        assertRaised(result.at("/neverIssued"), "InvalidTokenException", 400);
        assertRaised(result.at("/malformed"), "InvalidTokenException", 400);

        var cli = JSON.readTree(AwsClients.run(
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        DemoParties.demoAccessKeyId(AUTHOR),
                        "AWS_SECRET_ACCESS_KEY",
                        DemoParties.demoSecretAccessKey(AUTHOR),
                        "AWS_CONFIG_FILE",
                        "/nonexistent",
                        "AWS_SHARED_CREDENTIALS_FILE",
                        "/nonexistent"),
                "aws",
                "meteringmarketplace",
                "resolve-customer",
                "--endpoint-url",
                api.baseUrl() + "/aws/metering",
                "--region",
                "us-east-1",
                "--output",
                "json",
                "--registration-token",
                token));
        assertThat(cli.at("/CustomerIdentifier").asString())
                .isEqualTo(resolved.at("/response/CustomerIdentifier").asString());
        assertThat(cli.at("/CustomerAWSAccountId").asString()).isEqualTo(GLOBEX_ACCOUNT);

        var moved = api.post("/api/v1/simulation/clock/advance", "operator@offerdesk.example", "{\"by\":\"PT31M\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        var expired = boto3(Map.of("scenario", "expired", "token", token, "seller", accessKey(AUTHOR, AUTHOR)));
        assertRaised(expired.at("/expired"), "ExpiredTokenException", 400);
    }

    /** The token the buyer's "Set up your account" button posts, once the agreement's entitlement is provisioned. */
    private String registrationToken(String product) {
        var path = "/api/v1/buyer/entitlements/" + product + "/registration-token";
        var reply = api.post(path, GLOBEX, "");
        for (int i = 0; i < 600 && reply.status() == 404; i++) {
            pause();
            reply = api.post(path, GLOBEX, "");
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().at("/registrationToken").asString();
    }

    private JsonNode entitlementOf(String product) {
        var reply = api.get("/api/v1/entitlements?productCode=" + product, AUTHOR);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().at("/entitlements/0");
    }

    private static void assertConforms(JsonNode raw) {
        assertThat(METERING.violations(
                        raw.at("/operation").asString(),
                        JSON.readTree(raw.at("/body").asString())))
                .as("%s conforms to the model's output shape", raw)
                .isEmpty();
        assertThat(raw.at("/contentType").asString()).isEqualTo("application/x-amz-json-1.1");
    }

    private Map<String, String> accessKey(String issuer, String holder) {
        return AwsClients.accessKey(api, issuer, holder);
    }

    private JsonNode boto3(Map<String, Object> arguments) {
        var all = new HashMap<String, Object>(arguments);
        all.put("endpoint", api.baseUrl() + "/aws/metering");
        return AwsClients.boto3("registration.py", all);
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
