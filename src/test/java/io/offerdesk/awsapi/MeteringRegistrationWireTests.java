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
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * expired; the buyer's agreement page offers the "Set up your account" button. Container software registers with the
 * buyer's key (RegisterUsage) and verifies the answer's signature with the public key Offerdesk publishes.
 */
// Moves the shared simulated clock forward (past a token's validity): runs after the tests that do not.
@Order(Order.DEFAULT + 62)
@EndToEndTest
class MeteringRegistrationWireTests {

    static final String AUTHOR = AgreementFixtures.AUTHOR;
    static final String GLOBEX = AgreementFixtures.GLOBEX;
    static final String GLOBEX_ACCOUNT = AgreementFixtures.GLOBEX_ACCOUNT;
    static final String PASSWORD = "offerdesk-demo";
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
        var agreement = fixtures.boughtByGlobex(product);
        var token = registrationToken(product);
        var entitlement = entitlementOf(product);

        var globex = new SignedInSession(api, GLOBEX, PASSWORD);
        var page = html(globex.get("/buyer/agreements/" + agreement + "?lang=en"));
        assertThat(page)
                .as("the buyer's agreement page offers AWS's set-up button")
                .contains("id=\"agreement-set-up-account\"", "Set up your account")
                .contains("action=\"/buyer/entitlements/" + product + "/setup\"");
        assertThat(html(globex.get("/buyer/agreements/" + agreement + "?lang=zh-CN")))
                .contains("设置您的账户");

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
                // joined with '=': a token may begin with '-', which the CLI would read as an option
                "--registration-token=" + token));
        assertThat(cli.at("/CustomerIdentifier").asString())
                .isEqualTo(resolved.at("/response/CustomerIdentifier").asString());
        assertThat(cli.at("/CustomerAWSAccountId").asString()).isEqualTo(GLOBEX_ACCOUNT);

        var moved = api.post("/api/v1/simulation/clock/advance", "operator@offerdesk.example", "{\"by\":\"PT31M\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        var expired = boto3(Map.of("scenario", "expired", "token", token, "seller", accessKey(AUTHOR, AUTHOR)));
        assertRaised(expired.at("/expired"), "ExpiredTokenException", 400);
    }

    @Test
    void containerSoftwareRegistersWithTheBuyersKeyAndVerifiesTheSignatureWithThePublishedKey() {
        var container = containerProduct();
        var containerAgreement = fixtures.boughtByGlobex(container);
        awaitDelivery(container);
        assertThat(html(new SignedInSession(api, GLOBEX, PASSWORD).get("/buyer/agreements/" + containerAgreement)))
                .as("only SaaS agreements are set up on the seller's site")
                .contains("id=\"agreement-entitlements\"")
                .doesNotContain("agreement-set-up-account");
        var saas = fixtures.meteredSaasProduct();
        fixtures.boughtByGlobex(saas);
        awaitDelivery(saas);
        var published = api.get("/api/v1/metering/register-usage/public-key", AUTHOR);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().at("/jwk/kid").asString()).isEqualTo("1");

        var result = boto3(Map.of(
                "scenario",
                "register",
                "container",
                container,
                "saas",
                saas,
                "notBought",
                containerProduct(),
                "publicKeyPem",
                published.json().at("/publicKeyPem").asString(),
                "jwk",
                published.json().at("/jwk"),
                "buyer",
                accessKey(GLOBEX, GLOBEX),
                "seller",
                accessKey(AUTHOR, AUTHOR)));

        var registered = result.at("/registered");
        assertThat(registered.at("/ok").asBoolean()).as(registered.toString()).isTrue();
        assertConforms(registered.at("/raw"));
        assertThat(registered.at("/response/PublicKeyRotationTimestamp").isMissingNode())
                .as("the one key version does not expire")
                .isTrue();
        var jwt = result.at("/jwt");
        assertThat(jwt.at("/valid").asBoolean())
                .as("the published key verifies the signature: %s", jwt)
                .isTrue();
        assertThat(jwt.at("/header/alg").asString()).isEqualTo("PS256");
        assertThat(jwt.at("/claims/productCode").asString()).isEqualTo(container);
        assertThat(jwt.at("/claims/publicKeyVersion").asInt()).isEqualTo(1);
        assertThat(jwt.at("/claims/nonce").asString()).isEqualTo("task-7f3a");
        assertThat(jwt.at("/claims/customerIdentifier").asString())
                .as("the customer GetEntitlements names the buyer's account by")
                .isEqualTo(entitlementOf(container).at("/customerIdentifier").asString());
        assertThat(result.at("/jwkIsThePem").asBoolean())
                .as("the JWK publishes the same key as the PEM")
                .isTrue();
        assertThat(result.at("/forged/valid").asBoolean())
                .as("a changed claim no longer verifies")
                .isFalse();
        assertThat(result.at("/withoutNonce/ok").asBoolean())
                .as(result.at("/withoutNonce").toString())
                .isTrue();
        assertConforms(result.at("/withoutNonce/raw"));

        assertRaised(result.at("/otherKeyVersion"), "InvalidPublicKeyVersionException", 400);
        assertRaised(result.at("/unknownProduct"), "InvalidProductCodeException", 400);
        assertRaised(result.at("/saasProduct"), "PlatformNotSupportedException", 400);
        assertRaised(result.at("/notBought"), "CustomerNotEntitledException", 400);
        assertRaised(result.at("/sellerKey"), "CustomerNotEntitledException", 400);
    }

    /** A paid container product of Acme's, with a contract price for "analysts" (the dimension the offer fixtures grant). */
    private String containerProduct() {
        var created = api.post("/api/v1/products", AUTHOR, """
                {"type":"CONTAINER","title":"%s","shortDescription":"A paid container product",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"}],
                 "delivery":{"containerImages":[{"repositoryUri":"709825985650.dkr.ecr.us-east-1.amazonaws.com/acme/agent","tag":"1.4.2"}],
                             "deploymentInstructions":"helm install acme-agent ./chart"},
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"2400","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Container agent")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    private void awaitDelivery(String product) {
        var path = "/api/v1/buyer/entitlements/" + product + "/delivery";
        for (int i = 0; i < 600 && api.get(path, GLOBEX).status() == 404; i++) {
            pause();
        }
        assertThat(api.get(path, GLOBEX).status()).isEqualTo(200);
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

    private static String html(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
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
