package io.offerdesk.awsapi;

import static io.offerdesk.awsapi.support.AwsClients.assertRaised;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.awsapi.support.AwsClients;
import io.offerdesk.awsapi.support.BotocoreConformance;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * The Entitlement Service as AWS's own clients call it: boto3 ({@code awsapi/entitlement.py}) in both protocols the
 * model lists, awsJson 1.1 (what boto3 1.43 picks) and Smithy RPC v2 CBOR (what it picks when CBOR comes first), and
 * the AWS CLI, read a seller's real entitlements: filters, pages, the modeled exception for bad parameters, and another
 * seller's product refused exactly as a product that does not exist.
 */
@EndToEndTest
class EntitlementWireTests {

    static final String AUTHOR = AgreementFixtures.AUTHOR;
    static final String GLOBEX_ACCOUNT = AgreementFixtures.GLOBEX_ACCOUNT;
    static final String GLOBEX_SECOND_ACCOUNT = "400000000002";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final CBORMapper CBOR = CBORMapper.shared();
    static final BotocoreConformance ENTITLEMENT = BotocoreConformance.of("marketplace-entitlement");

    @Autowired
    TestApi api;

    String product;
    JsonNode stored;

    @BeforeEach
    void entitledBuyer() {
        var fixtures = new AgreementFixtures(api);
        product = fixtures.saasProduct();
        assertThat(fixtures.buy(fixtures.installmentOffer(product, GLOBEX_ACCOUNT))
                        .status())
                .isEqualTo(201);
        var quote = fixtures.quote(
                AgreementFixtures.GLOBEX,
                fixtures.installmentOffer(product, GLOBEX_SECOND_ACCOUNT),
                GLOBEX_SECOND_ACCOUNT);
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var second = fixtures.accept(
                AgreementFixtures.GLOBEX, quote.json().at("/agreementRequestId").asString());
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        stored = awaitEntitlements();
    }

    @Test
    void boto3ReadsTheSellersEntitlementsInAwsJsonAndInCbor() {
        var result = AwsClients.boto3(
                "entitlement.py",
                Map.of(
                        "endpoint",
                        api.baseUrl() + "/aws/entitlement",
                        "product",
                        product,
                        "dimension",
                        "analysts",
                        "account",
                        GLOBEX_ACCOUNT,
                        "seller",
                        AwsClients.accessKey(api, AUTHOR, AUTHOR),
                        "otherSeller",
                        AwsClients.accessKey(api, OfferFixtures.NIMBUS, OfferFixtures.NIMBUS)));

        assertThat(result.at("/json/protocol").asString()).isEqualTo("json");
        assertThat(result.at("/cbor/protocol").asString()).isEqualTo("smithy-rpc-v2-cbor");
        for (var protocol : new String[] {"json", "cbor"}) {
            var run = result.at("/" + protocol);
            var all = run.at("/all");
            assertThat(all.at("/ok").asBoolean()).as(protocol + ": " + all).isTrue();
            assertThat(all.at("/requestId").asString()).hasSize(36);
            var entitlements = all.at("/response/Entitlements");
            assertThat(entitlements.size()).as(protocol).isEqualTo(stored.size());
            var analysts = ofAccount(entitlements, GLOBEX_ACCOUNT);
            var expected = ofAccount(stored, GLOBEX_ACCOUNT);
            assertThat(analysts.at("/ProductCode").asString()).isEqualTo(product);
            assertThat(analysts.at("/Dimension").asString()).isEqualTo("analysts");
            assertThat(analysts.at("/CustomerIdentifier").asString())
                    .isEqualTo(expected.at("/customerIdentifier").asString());
            assertThat(analysts.at("/LicenseArn").asString())
                    .isEqualTo(expected.at("/licenseArn").asString());
            assertThat(analysts.at("/Value/IntegerValue").asInt())
                    .isEqualTo(expected.at("/value/integerValue").asInt());
            assertThat(Instant.parse(analysts.at("/ExpirationDate").asString().replace(" ", "T")))
                    .as("%s: the timestamp on the wire, parsed by boto3 into a datetime", protocol)
                    .isEqualTo(Instant.parse(expected.at("/expirationDate").asString()));

            var filtered = run.at("/filtered/response/Entitlements");
            assertThat(filtered.size()).as("values of one key OR, keys AND").isEqualTo(1);
            assertThat(filtered.at("/0/Dimension").asString()).isEqualTo("analysts");
            assertThat(run.at("/otherAccount/response/Entitlements").size()).isZero();

            assertThat(run.at("/firstPage/response/Entitlements").size()).isEqualTo(1);
            assertThat(run.at("/firstPage/response/NextToken").asString()).isNotBlank();
            assertThat(run.at("/paginated/response/pages").asInt())
                    .as(run.at("/paginated").toString())
                    .isGreaterThanOrEqualTo(stored.size());
            assertThat(run.at("/paginated/response/Entitlements").findValuesAsString("CustomerAWSAccountId"))
                    .as("boto3's paginator follows NextToken through every entitlement once")
                    .containsExactlyInAnyOrder(GLOBEX_ACCOUNT, GLOBEX_SECOND_ACCOUNT);

            for (var refused : new String[] {"tooMany", "badFilter", "bothCustomerFilters", "unknownProduct"}) {
                assertRaised(run.at("/" + refused), "InvalidParameterException", 400);
            }
            assertRaised(run.at("/otherSeller"), "InvalidParameterException", 400);
            assertThat(run.at("/otherSeller/message").asString())
                    .as("another seller's product is refused exactly as a product that does not exist")
                    .isEqualTo(run.at("/unknownProduct/message").asString().replace("prod-nosuchproduct00", product));
            var wrongSecret = run.at("/wrongSecret");
            assertThat(wrongSecret.at("/code").asString())
                    .as(wrongSecret.toString())
                    .isEqualTo("InvalidSignatureException");
            assertThat(wrongSecret.at("/status").asInt()).isEqualTo(403);

            for (var call : new String[] {"all", "filtered", "firstPage"}) {
                var raw = run.at("/" + call + "/raw");
                assertThat(ENTITLEMENT.violations("GetEntitlements", body(raw)))
                        .as("%s %s conforms to the model's output shape: %s", protocol, call, raw)
                        .isEmpty();
            }
        }

        var json = result.at("/json/all/raw");
        assertThat(json.at("/contentType").asString()).isEqualTo("application/x-amz-json-1.1");
        assertThat(json.at("/url").asString()).endsWith("/aws/entitlement");
        var cbor = result.at("/cbor/all/raw");
        assertThat(cbor.at("/contentType").asString()).isEqualTo("application/cbor");
        assertThat(cbor.at("/smithyProtocol").asString()).isEqualTo("rpc-v2-cbor");
        assertThat(cbor.at("/url").asString())
                .endsWith("/aws/entitlement/service/AWSMPEntitlementService/operation/GetEntitlements");
        var expirationDate = HexFormat.of().formatHex("nExpirationDate".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of()
                        .formatHex(Base64.getDecoder().decode(cbor.at("/body").asString())))
                .as("the CBOR timestamp carries tag 1 (0xc1), as Smithy RPC v2 requires")
                .contains(expirationDate + "c1");
        assertThat(result.at("/cbor/wrongSecret/raw/contentType").asString())
                .as("a CBOR client's refusal comes back in CBOR")
                .isEqualTo("application/cbor");
    }

    @Test
    void theAwsCliReadsEntitlements() {
        var key = AwsClients.accessKey(api, AUTHOR, AUTHOR);
        var out = AwsClients.run(
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        key.get("accessKeyId"),
                        "AWS_SECRET_ACCESS_KEY",
                        key.get("secretAccessKey"),
                        "AWS_CONFIG_FILE",
                        "/nonexistent",
                        "AWS_SHARED_CREDENTIALS_FILE",
                        "/nonexistent"),
                "aws",
                "marketplace-entitlement",
                "get-entitlements",
                "--endpoint-url",
                api.baseUrl() + "/aws/entitlement",
                "--region",
                "us-east-1",
                "--output",
                "json",
                "--product-code",
                product,
                "--filter",
                "DIMENSION=analysts");
        var answer = JSON.readTree(out);
        assertThat(answer.at("/Entitlements").size()).as(out).isEqualTo(2);
        assertThat(answer.at("/Entitlements").findValuesAsString("CustomerAWSAccountId"))
                .containsExactlyInAnyOrder(GLOBEX_ACCOUNT, GLOBEX_SECOND_ACCOUNT);
    }

    /**
     * The errors no client input causes here come from the simulator's fault control, set over REST as the operator
     * sets it: each faulted call raises the model's class, once, and the next call is answered; the AWS CLI reports
     * the fault as AWS's own.
     */
    @Test
    void theSimulatorsFaultsAreRaisedAsTheModeledExceptions() {
        var acme = UUID.fromString(
                api.get("/api/v1/parties/me", AUTHOR).json().at("/id").asString());
        try {
            var endpoint = api.baseUrl() + "/aws/entitlement";
            var keys = AwsClients.accessKey(api, AUTHOR, AUTHOR);
            var throttled = Map.<String, Object>of(
                    "operation", "get_entitlements", "params", Map.of("ProductCode", product, "MaxResults", 1));
            var failed = Map.<String, Object>of(
                    "operation", "get_entitlements", "params", Map.of("ProductCode", product, "MaxResults", 2));
            var answered = Map.<String, Object>of(
                    "operation", "get_entitlements", "params", Map.of("ProductCode", product, "MaxResults", 3));

            AwsClients.fault(api, acme, "marketplace-entitlement", "GetEntitlements", "ThrottlingException", 1);
            assertRaised(
                    AwsClients.calls("marketplace-entitlement", endpoint, keys, List.of(throttled))
                            .getFirst(),
                    "ThrottlingException",
                    400);
            AwsClients.fault(
                    api, acme, "marketplace-entitlement", "GetEntitlements", "InternalServiceErrorException", 1);
            var outcomes = AwsClients.calls("marketplace-entitlement", endpoint, keys, List.of(failed, answered));
            assertRaised(outcomes.get(0), "InternalServiceErrorException", 500);
            assertThat(outcomes.get(1).at("/response/Entitlements").size())
                    .as(outcomes.get(1).toString())
                    .isPositive();
            assertThat(ENTITLEMENT.violations(
                            "GetEntitlements",
                            JSON.readTree(outcomes.get(1).at("/raw/body").asString())))
                    .isEmpty();

            AwsClients.fault(api, acme, "marketplace-entitlement", "GetEntitlements", "ThrottlingException", 1);
            var cli = AwsClients.failing(
                    Map.of(
                            "AWS_ACCESS_KEY_ID",
                            keys.get("accessKeyId"),
                            "AWS_SECRET_ACCESS_KEY",
                            keys.get("secretAccessKey"),
                            "AWS_CONFIG_FILE",
                            "/nonexistent",
                            "AWS_SHARED_CREDENTIALS_FILE",
                            "/nonexistent",
                            "AWS_MAX_ATTEMPTS",
                            "1"),
                    "aws",
                    "marketplace-entitlement",
                    "get-entitlements",
                    "--endpoint-url",
                    endpoint,
                    "--region",
                    "us-east-1",
                    "--product-code",
                    product);
            assertThat(cli)
                    .as("the AWS CLI reports the model's error")
                    .contains("(ThrottlingException) when calling the GetEntitlements operation");
        } finally {
            // a fault left by a failing call must not fail the classes after this one, which use Acme too
            AwsClients.clearFaults(api, acme);
        }
    }

    /** The seller's view of the product's entitlements over REST, once both agreements have provisioned them. */
    private JsonNode awaitEntitlements() {
        for (int i = 0; i < 600; i++) {
            var reply = api.get("/api/v1/entitlements?productCode=" + product, AUTHOR);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            var found = reply.json().at("/entitlements");
            if (found.size() >= 2) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no entitlements provisioned for " + product);
    }

    private static JsonNode body(JsonNode raw) {
        var bytes = Base64.getDecoder().decode(raw.at("/body").asString());
        return raw.at("/contentType").asString().equals("application/cbor")
                ? CBOR.readTree(bytes)
                : JSON.readTree(bytes);
    }

    /** The entitlement of the account, in boto3's members or in the REST API's. */
    private static JsonNode ofAccount(JsonNode entitlements, String account) {
        for (var e : entitlements) {
            if (account.equals(e.at("/CustomerAWSAccountId")
                    .asString(e.at("/customerAwsAccountId").asString("")))) {
                return e;
            }
        }
        throw new AssertionError("no entitlement of " + account + " in " + entitlements);
    }
}
