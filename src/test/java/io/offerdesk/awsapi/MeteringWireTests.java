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
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Metering Service as AWS's own clients call it: boto3 ({@code awsapi/metering.py}) and the AWS CLI, pointed at
 * {@code /aws/metering} and nothing else changed, meter usage of real agreements with access keys issued over REST,
 * get the modeled exceptions for broken rules, and are refused with AWS's codes when the signature is wrong, expired,
 * missing, tampered with or replayed, or when one seller's keys reach for another seller's product.
 */
@EndToEndTest
class MeteringWireTests {

    static final String AUTHOR = AgreementFixtures.AUTHOR;
    static final String GLOBEX_ACCOUNT = AgreementFixtures.GLOBEX_ACCOUNT;
    static final String INITECH_ACCOUNT = "500000000001";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final BotocoreConformance METERING = BotocoreConformance.of("meteringmarketplace");

    @Autowired
    TestApi api;

    MeteringFixtures fixtures;
    String product;
    String agreement;
    Instant now;

    @BeforeEach
    void subscribedProduct() {
        fixtures = new MeteringFixtures(api);
        product = fixtures.meteredSaasProduct();
        agreement = fixtures.boughtByGlobex(product);
        now = fixtures.now();
    }

    @Test
    void boto3MetersRealAgreementsAndRaisesTheModeledExceptions() {
        var ami = fixtures.meteredAmi();
        var amiAgreement = fixtures.boughtByGlobex(ami);
        var result = boto3(Map.of(
                "scenario",
                "meter",
                "product",
                product,
                "ami",
                ami,
                "unboughtAmi",
                fixtures.meteredAmi(),
                "account",
                GLOBEX_ACCOUNT,
                "unsubscribedAccount",
                INITECH_ACCOUNT,
                "seller",
                accessKey(AUTHOR, AUTHOR),
                "buyer",
                accessKey("admin@globex.example", singleAccountBuyer()),
                "otherSeller",
                accessKey(OfferFixtures.NIMBUS, OfferFixtures.NIMBUS)));

        var batch = result.at("/batch");
        assertThat(batch.at("/ok").asBoolean()).as(batch.toString()).isTrue();
        assertThat(batch.at("/requestId").asString()).as("x-amzn-RequestId").hasSize(36);
        var results = batch.at("/response/Results");
        assertThat(results.at("/0/Status").asString()).isEqualTo("Success");
        assertThat(results.at("/0/MeteringRecordId").asString()).isNotBlank();
        assertThat(results.at("/0/UsageRecord/CustomerAWSAccountId").asString()).isEqualTo(GLOBEX_ACCOUNT);
        assertThat(results.at("/0/UsageRecord/UsageAllocations/0/Tags/0/Key").asString())
                .isEqualTo("team");
        assertThat(Instant.parse(
                        results.at("/0/UsageRecord/Timestamp").asString().replace(" ", "T")))
                .as("epoch seconds on the wire, parsed by boto3 into a datetime")
                .isEqualTo(now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS));
        assertThat(results.at("/1/Status").asString()).isEqualTo("CustomerNotSubscribed");
        assertThat(results.at("/1/MeteringRecordId").isMissingNode()).isTrue();
        assertThat(batch.at("/response/UnprocessedRecords").size()).isZero();
        assertThat(result.at("/batchAgain/response/Results/0/MeteringRecordId").asString())
                .as("an identical retry answers with the record stored first")
                .isEqualTo(results.at("/0/MeteringRecordId").asString());
        assertThat(result.at("/duplicate/response/Results/0/Status").asString()).isEqualTo("DuplicateRecord");

        var metered = result.at("/meterUsage");
        assertThat(metered.at("/ok").asBoolean()).as(metered.toString()).isTrue();
        assertThat(result.at("/meterUsageAgain/response/MeteringRecordId").asString())
                .isEqualTo(metered.at("/response/MeteringRecordId").asString());
        assertRaised(result.at("/meterUsageOtherQuantity"), "DuplicateRequestException", 400);
        assertThat(result.at("/dryRun/code").asString()).isEqualTo("DryRunOperation");

        assertRaised(result.at("/unknownProduct"), "InvalidProductCodeException", 400);
        assertRaised(result.at("/otherSellersProduct"), "InvalidProductCodeException", 400);
        assertThat(result.at("/otherSellersProduct/message").asString())
                .as("another seller's product is refused exactly as a product that does not exist")
                .isEqualTo(result.at("/unknownProduct/message").asString().replace("prod-nosuchproduct00", product));
        assertRaised(result.at("/unknownDimension"), "InvalidUsageDimensionException", 400);
        assertRaised(result.at("/tooOld"), "TimestampOutOfBoundsException", 400);
        assertRaised(result.at("/badAllocations"), "InvalidUsageAllocationsException", 400);
        assertRaised(result.at("/resolveCustomer"), "InvalidTokenException", 400);
        assertRaised(result.at("/customerIdentifier"), "InvalidCustomerIdentifierException", 400);
        assertRaised(result.at("/licenseArn"), "InvalidLicenseException", 400);
        assertRaised(result.at("/invalidTag"), "InvalidTagException", 400);
        assertThat(result.at("/clientToken/ok").asBoolean())
                .as(result.at("/clientToken").toString())
                .isTrue();
        assertRaised(result.at("/idempotencyConflict"), "IdempotencyConflictException", 409);
        assertRaised(result.at("/notEntitled"), "CustomerNotEntitledException", 400);
        assertRefused(result.at("/discoveryRestJson"), "ResourceNotFoundException", 404, "listing-nosuchlisting");
        assertThat(result.at("/discoveryRestJson/raw/contentType").asString()).isEqualTo("application/json");
        assertRaised(result.at("/agreementAwsJson10"), "ResourceNotFoundException", 404);
        assertThat(result.at("/agreementAwsJson10/raw/contentType").asString()).isEqualTo("application/x-amz-json-1.0");

        for (var call : List.of("batch", "batchAgain", "duplicate", "meterUsage", "meterUsageAgain", "clientToken")) {
            var raw = result.at("/" + call + "/raw");
            assertThat(METERING.violations(
                            raw.at("/operation").asString(),
                            JSON.readTree(raw.at("/body").asString())))
                    .as("%s conforms to the model's output shape: %s", call, raw)
                    .isEmpty();
            assertThat(raw.at("/contentType").asString()).isEqualTo("application/x-amz-json-1.1");
        }

        assertThat(totalUsage(agreement)).as("only the two accepted records").isEqualTo(10);
        assertThat(totalUsage(amiAgreement)).as("the two records of MeterUsage").isEqualTo(6);
    }

    @Test
    void wrongUnknownMissingExpiredTamperedAndReplayedSignaturesAreRefusedAsAwsRefusesThem() {
        var result = boto3(Map.of(
                "scenario",
                "refusals",
                "product",
                product,
                "account",
                GLOBEX_ACCOUNT,
                "seller",
                accessKey(AUTHOR, AUTHOR)));

        assertRefused(result.at("/wrongSecret"), "InvalidSignatureException", 403, "does not match");
        assertRefused(result.at("/unknownKey"), "UnrecognizedClientException", 403, "security token");
        assertRefused(result.at("/unsigned"), "MissingAuthenticationTokenException", 403, "Missing");
        assertRefused(result.at("/expired"), "InvalidSignatureException", 403, "Signature expired");
        assertRefused(result.at("/tampered"), "InvalidSignatureException", 403, "does not match");
        assertRefused(result.at("/unknownOperation"), "UnknownOperationException", 400, "NoSuchOperation");

        assertThat(result.at("/original/ok").asBoolean())
                .as(result.at("/original").toString())
                .isTrue();
        var replayed = result.at("/replayed");
        assertThat(replayed.at("/status").asInt()).as(replayed.toString()).isEqualTo(403);
        assertThat(replayed.at("/contentType").asString()).isEqualTo("application/x-amz-json-1.1");
        assertThat(replayed.at("/body/__type").asString()).isEqualTo("InvalidSignatureException");
        assertThat(replayed.at("/body/message").asString()).contains("already been used");

        assertRaised(result.at("/failedOriginal"), "InvalidProductCodeException", 400);
        assertThat(result.at("/failedSentAgain/body/__type").asString())
                .as("a request answered with an error may be sent again, as SDK retries are")
                .isEqualTo("InvalidProductCodeException");

        assertThat(totalUsage(agreement))
                .as("only the honest request stored usage")
                .isEqualTo(1);
    }

    @Test
    void theAwsCliMetersUsageWithADemoAccessKey() {
        var usage = """
                [{"Timestamp":"%s","CustomerAWSAccountId":"%s","Dimension":"requests","Quantity":3}]""".formatted(now.minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS), GLOBEX_ACCOUNT);
        var out = run(
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
                "batch-meter-usage",
                "--endpoint-url",
                api.baseUrl() + "/aws/metering",
                "--region",
                "us-east-1",
                "--output",
                "json",
                "--product-code",
                product,
                "--usage-records",
                usage);
        var answer = JSON.readTree(out);
        assertThat(answer.at("/Results/0/Status").asString()).as(out).isEqualTo("Success");
        assertThat(answer.at("/Results/0/UsageRecord/Quantity").asInt()).isEqualTo(3);
        assertThat(totalUsage(agreement)).isEqualTo(3);
    }

    @Test
    void aBodyOverTheBoundIsRefusedBeforeAnythingReadsIt() {
        var oversized = new byte[1024 * 1024 + 1];
        var reply = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/aws/metering/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSMPMeteringService.BatchMeterUsage")
                .POST(HttpRequest.BodyPublishers.ofByteArray(oversized)));
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(reply.json().at("/__type").asString()).isEqualTo("RequestEntityTooLargeException");

        var unsigned = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/aws/catalog/ListEntities"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.contentType()).isEqualTo("application/json");
        assertThat(unsigned.json().at("/Message").asString()).isEqualTo("Missing Authentication Token");
    }

    private Map<String, String> accessKey(String issuer, String holder) {
        return AwsClients.accessKey(api, issuer, holder);
    }

    /**
     * A new Globex user whose role covers only the account that bought the products: MeterUsage names no customer
     * account, AWS takes it from the credentials, so software meters with a key of a single account. Returns its id.
     */
    private String singleAccountBuyer() {
        var invited = api.post("/api/v1/users", "admin@globex.example", """
                {"email":"%s","displayName":"Metering agent","roles":[{"role":"VIEWER","accountId":"%s"}]}""".formatted(
                OfferFixtures.unique("meter").replaceAll("[^A-Za-z0-9]", "") + "@globex.example", GLOBEX_ACCOUNT));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        var token = invited.json().at("/invitationToken").asString();
        var accepted = api.post("/api/v1/invitations/" + token + "/accept", null, "{\"password\":\"long-enough-1\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        return invited.json().at("/user/id").asString();
    }

    /**
     * The errors no client input causes here come from the simulator's fault control, set over REST as the operator
     * sets it: each faulted call raises the model's class, once. InvalidEndpointRegionException is one of them, as
     * Offerdesk is one endpoint whatever region a client signs for, and so is DisabledApiException.
     */
    @Test
    void theSimulatorsFaultsAreRaisedAsTheModeledExceptions() {
        var acme = UUID.fromString(
                api.get("/api/v1/parties/me", AUTHOR).json().at("/id").asString());
        try {
            var service = "meteringmarketplace";
            AwsClients.fault(api, acme, service, "BatchMeterUsage", "ThrottlingException", 1);
            AwsClients.fault(api, acme, service, "MeterUsage", "InternalServiceErrorException", 1);
            var batch = Map.<String, Object>of(
                    "operation",
                    "batch_meter_usage",
                    "params",
                    Map.of("ProductCode", product, "UsageRecords", List.of()));
            var meter = Map.<String, Object>of(
                    "operation",
                    "meter_usage",
                    "params",
                    Map.of("ProductCode", product, "Timestamp", now.getEpochSecond(), "UsageDimension", "requests"));
            var first = calls(List.of(batch, meter));
            assertRaised(first.get(0), "ThrottlingException", 400);
            assertRaised(first.get(1), "InternalServiceErrorException", 500);

            AwsClients.fault(api, acme, service, "MeterUsage", "InvalidEndpointRegionException", 1);
            assertRaised(calls(List.of(meter)).getFirst(), "InvalidEndpointRegionException", 400);

            // Offerdesk never disables an API, so only the simulator says it is
            AwsClients.fault(api, acme, service, "ResolveCustomer", "DisabledApiException", 1);
            var resolve = Map.<String, Object>of(
                    "operation", "resolve_customer", "params", Map.of("RegistrationToken", "token"));
            assertRaised(calls(List.of(resolve)).getFirst(), "DisabledApiException", 400);
            assertThat(api.get("/api/v1/simulation/faults", AwsClients.OPERATOR)
                            .json()
                            .at("/faults")
                            .findValuesAsString("partyId"))
                    .as("faults of one call are used up")
                    .doesNotContain(acme.toString());
        } finally {
            // a fault left by a failing call must not fail the classes after this one, which use Acme too
            AwsClients.clearFaults(api, acme);
        }
    }

    private List<JsonNode> calls(List<Map<String, Object>> calls) {
        return AwsClients.calls(
                "meteringmarketplace", api.baseUrl() + "/aws/metering", accessKey(AUTHOR, AUTHOR), calls);
    }

    private long totalUsage(String agreementId) {
        var usage = api.get("/api/v1/metering/agreements/" + agreementId + "/usage", AUTHOR);
        assertThat(usage.status()).as(usage.body()).isEqualTo(200);
        long total = 0;
        for (var day : usage.json().at("/usage")) {
            total += day.at("/quantity").asLong();
        }
        return total;
    }

    /** Not in the model: boto3 raises a generic ClientError carrying AWS's code. */
    private static void assertRefused(JsonNode outcome, String code, int status, String message) {
        assertThat(outcome.at("/ok").asBoolean()).as(outcome.toString()).isFalse();
        assertThat(outcome.at("/code").asString()).as(outcome.toString()).isEqualTo(code);
        assertThat(outcome.at("/status").asInt()).isEqualTo(status);
        assertThat(outcome.at("/message").asString()).contains(message);
        assertThat(outcome.at("/requestId").asString()).isNotBlank();
    }

    private JsonNode boto3(Map<String, Object> arguments) {
        var all = new java.util.HashMap<String, Object>(arguments);
        all.put("endpoint", api.baseUrl() + "/aws/metering");
        all.put("now", now.getEpochSecond());
        return AwsClients.boto3("metering.py", all);
    }

    private static String run(Map<String, String> environment, String... command) {
        return AwsClients.run(environment, command);
    }
}
