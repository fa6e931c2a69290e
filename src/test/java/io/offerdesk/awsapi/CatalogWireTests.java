package io.offerdesk.awsapi;

import static io.offerdesk.awsapi.support.AwsClients.JSON;
import static io.offerdesk.awsapi.support.AwsClients.assertRaised;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.awsapi.support.AwsClients;
import io.offerdesk.awsapi.support.BotocoreConformance;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.parties.internal.DemoParties;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The Catalog API as AWS's own clients call it: boto3 ({@code awsapi/catalog.py}) and the AWS CLI, pointed at
 * {@code /aws/catalog} and nothing else changed, create and release a private offer with a payment schedule through
 * a change set, poll it, describe and list the offer, and get the modeled exceptions (as boto3's classes, with the
 * model's HTTP statuses), tag the offer and its change set and keep a resource policy on it; another seller's offer,
 * change set and tags are not found.
 */
@EndToEndTest
class CatalogWireTests {

    static final String AUTHOR = OfferFixtures.AUTHOR;
    static final BotocoreConformance CATALOG = BotocoreConformance.of("marketplace-catalog");

    @Autowired
    TestApi api;

    @Test
    void boto3CreatesReleasesDescribesAndListsAPrivateOfferThroughChangeSets() {
        var offers = new OfferFixtures(api);
        var name = OfferFixtures.unique("Boto3 offer");
        var result = AwsClients.boto3(
                "catalog.py",
                Map.of(
                        "endpoint",
                        api.baseUrl() + "/aws/catalog",
                        "seller",
                        AwsClients.accessKey(api, AUTHOR, AUTHOR),
                        "otherSeller",
                        AwsClients.accessKey(api, OfferFixtures.NIMBUS, OfferFixtures.NIMBUS),
                        "sellerFinance",
                        AwsClients.accessKey(api, "finance@acme.example", "finance@acme.example"),
                        "product",
                        offers.productId("Acme Insights"),
                        "buyerAccount",
                        OfferFixtures.GLOBEX_ACCOUNT,
                        "today",
                        offers.today().toString(),
                        "name",
                        name));

        var started = result.at("/started");
        assertThat(started.at("/ok").asBoolean()).as(started.toString()).isTrue();
        assertThat(started.at("/requestId").asString()).as("x-amzn-RequestId").hasSize(36);
        var changeSetId = started.at("/response/ChangeSetId").asString();
        assertThat(started.at("/response/ChangeSetArn").asString())
                .matches("arn:aws:aws-marketplace:us-east-1:\\d{12}:AWSMarketplace/ChangeSet/" + changeSetId);

        var described = result.at("/described/response");
        assertThat(described.at("/Status").asString()).as(described.toString()).isEqualTo("SUCCEEDED");
        assertThat(described.at("/ChangeSetName").asString()).isEqualTo("boto3 private offer");
        assertThat(described.at("/Intent").asString()).isEqualTo("APPLY");
        assertThat(described.at("/ChangeSet").size()).isEqualTo(10);
        var offerId = result.at("/offerId").asString();
        assertThat(described.at("/ChangeSet/0/Entity/Identifier").asString()).startsWith(offerId + "@");
        assertThat(described.at("/ChangeSet/1/DetailsDocument/Name").asString())
                .as("Details sent as a JSON string is the same document")
                .isEqualTo(name);
        assertThat(JSON.readTree(described.at("/ChangeSet/1/Details").asString())
                        .at("/Name")
                        .asString())
                .isEqualTo(name);

        var entity = result.at("/entity/response");
        assertThat(entity.at("/EntityType").asString()).isEqualTo("Offer@1.0");
        assertThat(entity.at("/EntityIdentifier").asString()).startsWith(offerId + "@");
        assertThat(entity.at("/EntityArn").asString()).endsWith(":AWSMarketplace/Offer/" + offerId);
        var details = entity.at("/DetailsDocument");
        assertThat(details.at("/State").asString()).isEqualTo("Released");
        assertThat(details.at("/Name").asString()).isEqualTo(name);
        var schedule = terms(details, "PaymentScheduleTerm").at("/Schedule");
        assertThat(schedule.size()).as(details.toString()).isEqualTo(12);
        assertThat(schedule.at("/0/ChargeAmount").asString()).isEqualTo("1000.00");
        assertThat(JSON.readTree(entity.at("/Details").asString())).isEqualTo(details);

        var listed = result.at("/listed/response/EntitySummaryList");
        assertThat(listed.size()).as(listed.toString()).isEqualTo(1);
        assertThat(listed.at("/0/EntityId").asString()).isEqualTo(offerId);
        assertThat(listed.at("/0/EntityType").asString()).isEqualTo("Offer");
        assertThat(listed.at("/0/Visibility").asString()).isEqualTo("Private");
        assertThat(listed.at("/0/OfferSummary/State").asString()).isEqualTo("Released");
        assertThat(listed.at("/0/OfferSummary/BuyerAccounts/0").asString()).isEqualTo(OfferFixtures.GLOBEX_ACCOUNT);
        assertThat(result.at("/drafts/response/EntitySummaryList").size())
                .as("the state filter")
                .isZero();
        var firstPage = result.at("/firstPage/response");
        assertThat(firstPage.at("/EntitySummaryList").size()).isEqualTo(1);
        assertThat(result.at("/secondPage/response/EntitySummaryList/0/EntityId")
                        .asString())
                .as("the next token continues after the first page")
                .isNotEqualTo(firstPage.at("/EntitySummaryList/0/EntityId").asString());

        var changeSets = result.at("/changeSets/response/ChangeSetSummaryList");
        assertThat(changeSets.size()).isEqualTo(1);
        assertThat(changeSets.at("/0/ChangeSetId").asString()).isEqualTo(changeSetId);
        assertThat(changeSets.at("/0/EntityIdList/0").asString()).isEqualTo(offerId);

        var batch = result.at("/batch/response");
        assertThat(batch.at("/EntityDetails/" + offerId + "/DetailsDocument/Name")
                        .asString())
                .isEqualTo(name);
        assertThat(batch.at("/Errors/offer-zzzzzzzzzzzzz/ErrorCode").asString()).isEqualTo("ResourceNotFoundException");

        assertRaised(result.at("/invalid"), "ValidationException", 422);
        assertThat(result.at("/invalid/message").asString()).contains("ProductId");
        assertRaised(result.at("/badDetails"), "ValidationException", 422);
        assertRaised(result.at("/unknownEntity"), "ResourceNotFoundException", 404);
        assertRaised(result.at("/otherSellersOffer"), "ResourceNotFoundException", 404);
        assertThat(result.at("/otherSellersOffer/message").asString())
                .as("another seller's offer is answered exactly as one that does not exist")
                .isEqualTo(result.at("/unknownEntity/message").asString().replace("offer-zzzzzzzzzzzzz", offerId));
        assertRaised(result.at("/otherSellersChangeSet"), "ResourceNotFoundException", 404);
        assertRaised(result.at("/productEntity"), "ResourceNotSupportedException", 415);
        assertRaised(result.at("/otherSellersProduct"), "ResourceNotFoundException", 404);
        assertRaised(result.at("/startAsFinance"), "AccessDeniedException", 403);
        assertThat(result.at("/otherSellersList/response/EntitySummaryList").size())
                .isZero();
        assertRaised(result.at("/cancelFinished"), "ResourceInUseException", 423);

        for (var call :
                List.of("started", "described", "listed", "firstPage", "secondPage", "changeSets", "batch", "entity")) {
            var raw = result.at("/" + call + "/raw");
            assertThat(raw.at("/contentType").asString()).isEqualTo("application/json");
            assertThat(CATALOG.violations(
                            raw.at("/operation").asString(),
                            JSON.readTree(raw.at("/body").asString())))
                    .as("%s conforms to the model's output shape: %s", call, raw)
                    .allMatch(CatalogWireTests::acceptedDeparture);
        }
    }

    /**
     * The errors no client input causes here come from the simulator's fault control, set over REST as the operator
     * sets it: each faulted call raises the model's class with the model's status, once.
     */
    @Test
    void theSimulatorsFaultsAreRaisedAsTheModeledExceptions() {
        var acme = UUID.fromString(
                api.get("/api/v1/parties/me", AUTHOR).json().at("/id").asString());
        try {
            var service = "marketplace-catalog";
            AwsClients.fault(api, acme, service, "ListEntities", "ThrottlingException", 1);
            AwsClients.fault(api, acme, service, "ListChangeSets", "InternalServiceException", 1);
            AwsClients.fault(api, acme, service, "StartChangeSet", "ServiceQuotaExceededException", 1);
            var createOffer = Map.of(
                    "ChangeType",
                    "CreateOffer",
                    "Entity",
                    Map.of("Type", "Offer@1.0"),
                    "DetailsDocument",
                    Map.of("ProductId", "prod-fault"));
            var outcomes = AwsClients.calls(
                    service,
                    api.baseUrl() + "/aws/catalog",
                    AwsClients.accessKey(api, AUTHOR, AUTHOR),
                    List.of(
                            Map.of("operation", "list_entities", "params", listEntities(1)),
                            Map.of("operation", "list_change_sets", "params", Map.of("Catalog", "AWSMarketplace")),
                            Map.of(
                                    "operation",
                                    "start_change_set",
                                    "params",
                                    Map.of("Catalog", "AWSMarketplace", "ChangeSet", List.of(createOffer))),
                            Map.of("operation", "list_entities", "params", listEntities(2))));

            assertRaised(outcomes.get(0), "ThrottlingException", 429);
            assertRaised(outcomes.get(1), "InternalServiceException", 500);
            assertRaised(outcomes.get(2), "ServiceQuotaExceededException", 402);
            assertThat(outcomes.get(3).at("/ok").asBoolean())
                    .as("a fault of one call is used up: %s", outcomes.get(3))
                    .isTrue();
            assertThat(CATALOG.violations(
                            "ListEntities",
                            JSON.readTree(outcomes.get(3).at("/raw/body").asString())))
                    .allMatch(CatalogWireTests::acceptedDeparture);
        } finally {
            // a fault left by a failing call must not fail the classes after this one, which use Acme too
            AwsClients.clearFaults(api, acme);
        }
    }

    @Test
    void theAwsCliStartsAChangeSetAndDescribesTheOfferWithADemoAccessKey() {
        var offers = new OfferFixtures(api);
        var name = OfferFixtures.unique("CLI offer");
        var changes = """
                [{"ChangeType":"CreateOffer","ChangeName":"O","Entity":{"Type":"Offer@1.0"},\
                "DetailsDocument":{"ProductId":"%s"}},\
                {"ChangeType":"UpdateInformation","Entity":{"Type":"Offer@1.0","Identifier":"$O.Entity.Identifier"},\
                "DetailsDocument":{"Name":"%s"}}]""".formatted(offers.productId("Acme Insights"), name);
        var started = cli("start-change-set", "--catalog", "AWSMarketplace", "--change-set", changes);
        var changeSetId = started.at("/ChangeSetId").asString();

        JsonNode described = started;
        for (int i = 0; i < 60; i++) {
            described = cli("describe-change-set", "--catalog", "AWSMarketplace", "--change-set-id", changeSetId);
            if (described.at("/Status").asString().equals("SUCCEEDED")) {
                break;
            }
        }
        assertThat(described.at("/Status").asString()).as(described.toString()).isEqualTo("SUCCEEDED");
        var offerId = described.at("/ChangeSet/0/Entity/Identifier").asString().replaceFirst("@.*$", "");

        var entity = cli("describe-entity", "--catalog", "AWSMarketplace", "--entity-id", offerId);
        assertThat(entity.at("/EntityType").asString()).isEqualTo("Offer@1.0");
        assertThat(entity.at("/DetailsDocument/Name").asString()).isEqualTo(name);
        assertThat(entity.at("/DetailsDocument/State").asString()).isEqualTo("Draft");
    }

    /**
     * The departures from the model we accept: AWS writes versioned entity types ({@code Offer@1.0}) in DescribeEntity
     * and change sets, although the model's {@code EntityType} pattern has letters only; the model escapes the
     * pattern of entity names twice (a literal backslash before {@code S}), which no real name matches; and its
     * {@code NextToken} pattern has no quantifier, so it allows one character although its length is 1 to 2048.
     */
    static boolean acceptedDeparture(String violation) {
        return violation.matches(".*(EntityType|Entity\\.Type): '[A-Za-z]+@1\\.0' does not match .*")
                || violation.contains("does not match ^\\\\S+[\\\\S\\\\s]*")
                || violation.matches("\\$\\.NextToken: '[\\w+=.:@/-]+' does not match \\^\\[.*\\]\\$");
    }

    private static Map<String, Object> listEntities(int maxResults) {
        return Map.of("Catalog", "AWSMarketplace", "EntityType", "Offer", "MaxResults", maxResults);
    }

    private static JsonNode terms(JsonNode details, String type) {
        for (var term : details.at("/Terms")) {
            if (term.at("/Type").asString().equals(type)) {
                return term;
            }
        }
        throw new AssertionError("no " + type + " in " + details);
    }

    /** The AWS CLI as a seller runs it, with the demo author's key; answers are a little over a second apart. */
    private JsonNode cli(String... arguments) {
        return cli(api, AUTHOR, arguments);
    }

    /** The AWS CLI as a demo user runs it, with the user's demo key; answers are a little over a second apart. */
    static JsonNode cli(TestApi api, String demoUser, String... arguments) {
        var command = new java.util.ArrayList<>(List.of("aws", "marketplace-catalog"));
        command.addAll(List.of(arguments));
        command.addAll(
                List.of("--endpoint-url", api.baseUrl() + "/aws/catalog", "--region", "us-east-1", "--output", "json"));
        try {
            // each call is signed anew; two identical calls in one second would be one signature (ADR 0035)
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return JSON.readTree(AwsClients.run(
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        DemoParties.demoAccessKeyId(demoUser),
                        "AWS_SECRET_ACCESS_KEY",
                        DemoParties.demoSecretAccessKey(demoUser),
                        "AWS_CONFIG_FILE",
                        "/nonexistent",
                        "AWS_SHARED_CREDENTIALS_FILE",
                        "/nonexistent"),
                command.toArray(String[]::new)));
    }
}
