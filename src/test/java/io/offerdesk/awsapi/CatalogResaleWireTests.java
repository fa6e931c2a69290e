package io.offerdesk.awsapi;

import static io.offerdesk.awsapi.support.AwsClients.JSON;
import static io.offerdesk.awsapi.support.AwsClients.assertRaised;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.awsapi.support.AwsClients;
import io.offerdesk.awsapi.support.BotocoreConformance;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.offers.ResaleOfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Onboarding;
import io.offerdesk.support.TestApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Channel partner private offers through the Catalog API with boto3 ({@code awsapi/catalog_resale.py}): the ISV creates
 * and releases a resale authorization for its partner in one change set; the partner finds it among the entities
 * shared with it, describes it, and creates, marks up, targets and releases an offer from it; the ISV cannot read the
 * partner's offer, and another partner can neither see the authorization nor make an offer from it. The tags the
 * changes carry ({@code EntityTags}) are on the entities they created, each visible to its owner only. ListEntities
 * filters and sorts offers and resale authorizations by every member Offerdesk keeps and names the ones it refuses.
 * The AWS CLI, with the partner's demo key, lists the shared authorization and describes the marked-up offer alike.
 */
@EndToEndTest
class CatalogResaleWireTests {

    static final BotocoreConformance CATALOG = BotocoreConformance.of("marketplace-catalog");

    @Autowired
    TestApi api;

    @Test
    void aPartnerMakesAMarkedUpOfferFromTheAuthorizationTheIsvReleasedThroughChangeSets() {
        var agreements = new AgreementFixtures(api);
        var product = agreements.saasProduct();
        var otherPartner = new Onboarding(api).party("CHANNEL_PARTNER", "Contoso Resellers", "contoso", '7');
        var name = OfferFixtures.unique("Boto3 resale");
        var result = AwsClients.boto3(
                "catalog_resale.py",
                Map.of(
                        "endpoint",
                        api.baseUrl() + "/aws/catalog",
                        "isv",
                        AwsClients.accessKey(api, ResaleOfferFixtures.ISV, ResaleOfferFixtures.ISV),
                        "partner",
                        AwsClients.accessKey(api, ResaleOfferFixtures.PARTNER, ResaleOfferFixtures.PARTNER),
                        "otherPartner",
                        AwsClients.accessKey(api, otherPartner.admin(), otherPartner.admin()),
                        "product",
                        product,
                        "partnerAccount",
                        ResaleOfferFixtures.PARTNER_ACCOUNT,
                        "buyerAccount",
                        OfferFixtures.GLOBEX_ACCOUNT,
                        "today",
                        agreements.offers().today().toString(),
                        "name",
                        name));

        assertThat(result.at("/raDescribed/response/Status").asString())
                .as(result.at("/raDescribed").toString())
                .isEqualTo("SUCCEEDED");
        var raId = result.at("/raId").asString();
        var isvRa = result.at("/isvRa/response");
        assertThat(isvRa.at("/EntityType").asString()).isEqualTo("ResaleAuthorization@1.0");
        assertThat(isvRa.at("/DetailsDocument/Status").asString()).isEqualTo("Active");

        var shared = result.at("/sharedList/response/EntitySummaryList");
        assertThat(shared.size()).as(shared.toString()).isEqualTo(1);
        assertThat(shared.at("/0/EntityId").asString()).isEqualTo(raId);
        assertThat(shared.at("/0/ResaleAuthorizationSummary/ResellerAccountID").asString())
                .isEqualTo(ResaleOfferFixtures.PARTNER_ACCOUNT);
        assertThat(shared.at("/0/ResaleAuthorizationSummary/Status").asString()).isEqualTo("Active");
        var partnerRa = result.at("/partnerRa/response");
        assertThat(partnerRa.at("/EntityArn").asString())
                .as("the ARN names the ISV's account, which owns the authorization")
                .isEqualTo(isvRa.at("/EntityArn").asString());
        assertThat(partnerRa.at("/DetailsDocument/ProductId").asString()).isEqualTo(product);

        assertThat(ids(result.at("/otherSharedList/response/EntitySummaryList")))
                .doesNotContain(raId);
        assertRaised(result.at("/otherRa"), "ResourceNotFoundException", 404);
        var otherCppo = result.at("/otherCppoDescribed/response");
        assertThat(otherCppo.at("/Status").asString()).as(otherCppo.toString()).isEqualTo("FAILED");
        assertThat(otherCppo.at("/ChangeSet/0/ErrorDetailList/0/ErrorCode").asString())
                .isEqualTo("RESOURCE_NOT_FOUND");

        var cppoSet = result.at("/cppoDescribed/response");
        assertThat(cppoSet.at("/Status").asString()).as(cppoSet.toString()).isEqualTo("SUCCEEDED");
        var offerId = result.at("/offerId").asString();
        var cppo = result.at("/cppo/response/DetailsDocument");
        assertThat(cppo.at("/State").asString()).isEqualTo("Released");
        assertThat(cppo.at("/ResaleAuthorizationId").asString()).isEqualTo(raId);
        assertThat(cppo.at("/MarkupPercentage").asString()).isEqualTo("8");
        assertThat(schedule(cppo))
                .as("the wholesale installments of 1000.00 and 333.33 marked up by 8%%")
                .containsExactly("1080.00", "360.00");
        var listed = result.at("/partnerOffers/response/EntitySummaryList");
        assertThat(listed.size()).as(listed.toString()).isEqualTo(1);
        assertThat(listed.at("/0/OfferSummary/ResaleAuthorizationId").asString())
                .isEqualTo(raId);

        assertRaised(result.at("/isvCppo"), "ResourceNotFoundException", 404);
        assertThat(result.at("/isvBatch/response/Errors/" + offerId + "/ErrorCode")
                        .asString())
                .isEqualTo("ResourceNotFoundException");
        assertThat(result.at("/isvOffers/response/EntitySummaryList").size())
                .as("the partner's offer is not among the ISV's")
                .isZero();

        assertThat(result.at("/raAfterUse/response/DetailsDocument/OfferDetails/OfferExtendedStatus")
                        .asString())
                .as("the single-use authorization is used up by the partner's offer")
                .isEqualTo("Completed-Used");

        assertThat(tags(result.at("/raTags/response/Tags"))).containsExactly(Map.entry("partner", "northwind"));
        assertThat(tags(result.at("/cppoTags/response/Tags")))
                .containsOnly(Map.entry("customer", "globex"), Map.entry("tier", "gold"));
        assertRaised(result.at("/isvCppoTags"), "ResourceNotFoundException", 404);
        assertRaised(result.at("/badEntityTags"), "ValidationException", 422);
        assertThat(result.at("/badEntityTags/message").asString()).contains("changeSet[0].entityTags.key");

        assertThat(ids(result.at("/byAuthorization/response/EntitySummaryList")))
                .containsExactly(offerId);
        assertThat(ids(result.at("/byIdsTargetingAndDate/response/EntitySummaryList")))
                .as("every offer filter together")
                .containsExactly(offerId);
        assertThat(ids(result.at("/publicOnly/response/EntitySummaryList"))).isEmpty();
        assertThat(ids(result.at("/notModifiedSince/response/EntitySummaryList")))
                .isEmpty();
        var byId = ids(result.at("/sortedById/response/EntitySummaryList"));
        assertThat(byId).hasSizeGreaterThan(1).isSorted();
        var targetings = new ArrayList<String>();
        result.at("/sortedByTargeting/response/EntitySummaryList")
                .forEach(o -> targetings.add(o.at("/OfferSummary/Targeting/0").asString()));
        assertThat(targetings).contains("BuyerAccounts").isSorted();
        assertRaised(result.at("/countryTargeting"), "ValidationException", 422);
        assertThat(result.at("/countryTargeting/message").asString()).contains("Targeting", "CountryCodes");
        assertThat(ids(result.at("/sharedFiltered/response/EntitySummaryList"))).containsExactly(raId);
        var draftRa = result.at("/draftRaId").asString();
        assertThat(ids(result.at("/isvRasSorted/response/EntitySummaryList")))
                .containsExactlyElementsOf(Stream.of(raId, draftRa)
                        .sorted(Comparator.reverseOrder())
                        .toList());
        assertRaised(result.at("/byLegalName"), "ValidationException", 422);
        assertThat(result.at("/byLegalName/message").asString()).contains("ResellerLegalName");

        var cliShared = CatalogWireTests.cli(
                api,
                ResaleOfferFixtures.PARTNER,
                "list-entities",
                "--catalog",
                "AWSMarketplace",
                "--entity-type",
                "ResaleAuthorization",
                "--ownership-type",
                "SHARED",
                "--entity-type-filters",
                "{\"ResaleAuthorizationFilters\":{\"EntityId\":{\"ValueList\":[\"" + raId + "\"]}}}");
        assertThat(ids(cliShared.at("/EntitySummaryList")))
                .as("the AWS CLI lists the same shared authorization")
                .containsExactly(raId);
        var cliOffer = CatalogWireTests.cli(
                api,
                ResaleOfferFixtures.PARTNER,
                "describe-entity",
                "--catalog",
                "AWSMarketplace",
                "--entity-id",
                offerId);
        assertThat(cliOffer.at("/DetailsDocument/MarkupPercentage").asString()).isEqualTo("8");

        for (var call : List.of(
                "raStarted",
                "raDescribed",
                "isvRa",
                "sharedList",
                "partnerRa",
                "cppoStarted",
                "cppoDescribed",
                "cppo",
                "partnerOffers",
                "isvBatch",
                "raAfterUse",
                "raTags",
                "cppoTags",
                "byIdsTargetingAndDate",
                "sortedByTargeting",
                "sharedFiltered",
                "isvRasSorted")) {
            var raw = result.at("/" + call + "/raw");
            assertThat(raw.at("/contentType").asString()).as(call).isEqualTo("application/json");
            assertThat(CATALOG.violations(
                            raw.at("/operation").asString(),
                            JSON.readTree(raw.at("/body").asString())))
                    .as("%s conforms to the model's output shape: %s", call, raw)
                    .allMatch(CatalogWireTests::acceptedDeparture);
        }
    }

    private static Map<String, String> tags(JsonNode tags) {
        var byKey = new java.util.LinkedHashMap<String, String>();
        tags.forEach(t -> byKey.put(t.at("/Key").asString(), t.at("/Value").asString()));
        return byKey;
    }

    private static List<String> ids(JsonNode summaries) {
        var ids = new ArrayList<String>();
        summaries.forEach(s -> ids.add(s.at("/EntityId").asString()));
        return ids;
    }

    private static List<String> schedule(JsonNode details) {
        var amounts = new ArrayList<String>();
        for (var term : details.at("/Terms")) {
            if (term.at("/Type").asString().equals("PaymentScheduleTerm")) {
                term.at("/Schedule")
                        .forEach(c -> amounts.add(c.at("/ChargeAmount").asString()));
            }
        }
        return amounts;
    }
}
