package io.offerdesk.awsapi;

import static io.offerdesk.awsapi.support.AwsClients.JSON;
import static io.offerdesk.awsapi.support.AwsClients.assertRaised;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.awsapi.support.AwsClients;
import io.offerdesk.awsapi.support.BotocoreConformance;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Onboarding;
import io.offerdesk.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Offer sets and private-marketplace experiences through the Catalog API with boto3 ({@code awsapi/catalog_sets.py}):
 * a seller creates two offer sets with change sets (one with two draft offers), describes them one by one and in a
 * batch, and lists them with the model's offer set filters and sort; a buyer's administrator creates an experience and describes and lists it. Another
 * seller's set and a buyer's experience are not found by anyone else.
 */
@EndToEndTest
class CatalogOfferSetAndExperienceWireTests {

    static final BotocoreConformance CATALOG = BotocoreConformance.of("marketplace-catalog");

    @Autowired
    TestApi api;

    @Test
    void offerSetsAndExperiencesAreDescribedAndListedAsTheModelShapesThem() {
        var buyer = new Onboarding(api).party("BUYER", "Initech", "initech", '6');
        var name = OfferFixtures.unique("Boto3 set");
        var agreements = new AgreementFixtures(api);
        var members = List.of(draft(agreements), draft(agreements));
        var result = AwsClients.boto3(
                "catalog_sets.py",
                Map.of(
                        "endpoint",
                        api.baseUrl() + "/aws/catalog",
                        "seller",
                        AwsClients.accessKey(api, OfferFixtures.AUTHOR, OfferFixtures.AUTHOR),
                        "otherSeller",
                        AwsClients.accessKey(api, OfferFixtures.NIMBUS, OfferFixtures.NIMBUS),
                        "buyerAdmin",
                        AwsClients.accessKey(api, buyer.admin(), buyer.admin()),
                        "offers",
                        members,
                        "product",
                        agreements.offers().productId("Acme Insights"),
                        "name",
                        name));

        assertThat(result.has("failed")).as(result.toString()).isFalse();
        var first = result.at("/setIds/0").asString();
        var second = result.at("/setIds/1").asString();
        var set = result.at("/set/response");
        assertThat(set.at("/EntityType").asString()).isEqualTo("OfferSet@1.0");
        assertThat(set.at("/EntityArn").asString()).endsWith(":AWSMarketplace/OfferSet/" + first);
        assertThat(set.at("/DetailsDocument/Name").asString()).isEqualTo(name + " A");
        assertThat(set.at("/DetailsDocument/BuyerNotes").asString()).isEqualTo("Read me");
        assertThat(set.at("/DetailsDocument/State").asString()).isEqualTo("Draft");
        assertThat(JSON.readTree(set.at("/Details").asString())).isEqualTo(set.at("/DetailsDocument"));
        assertThat(result.at("/batch/response/EntityDetails/" + second + "/DetailsDocument/Name")
                        .asString())
                .isEqualTo(name + " B");

        var sets = result.at("/sets/response/EntitySummaryList");
        assertThat(ids(sets)).as("by name, descending: %s", result.at("/sets")).containsExactly(second, first);
        assertThat(sets.at("/0/EntityType").asString()).isEqualTo("OfferSet");
        assertThat(sets.at("/0/OfferSetSummary/State").asString()).isEqualTo("Draft");
        assertThat(sets.at("/0/OfferSetSummary/Name").asString()).isEqualTo(name + " B");
        assertThat(ids(result.at("/setsByName/response/EntitySummaryList"))).containsExactly(first);
        assertThat(ids(result.at("/setsWithOffer/response/EntitySummaryList")))
                .as("the set the offer is associated with")
                .containsExactly(first);
        assertThat(set.at("/DetailsDocument/AssociatedOfferIds").toString())
                .isEqualTo("[\"" + members.get(0) + "\",\"" + members.get(1) + "\"]");
        assertThat(ids(result.at("/releasedSets/response/EntitySummaryList"))).isEmpty();
        assertRaised(result.at("/bySolution"), "ValidationException", 422);
        assertThat(result.at("/bySolution/message").asString()).contains("SolutionId");
        assertRaised(result.at("/otherSet"), "ResourceNotFoundException", 404);
        assertThat(ids(result.at("/otherSets/response/EntitySummaryList"))).isEmpty();

        var experienceId = result.at("/experienceId").asString();
        var experience = result.at("/experience/response");
        assertThat(experience.at("/EntityType").asString()).isEqualTo("Experience@1.0");
        var details = experience.at("/DetailsDocument");
        assertThat(details.at("/Name").asString()).isEqualTo(name + " experience");
        assertThat(details.at("/Status").asString()).isEqualTo("Disabled");
        assertThat(details.at("/AllowedProducts/0/Notes").asString()).isEqualTo("Standard");
        var experiences = result.at("/experiences/response/EntitySummaryList");
        assertThat(ids(experiences)).containsExactly(experienceId);
        assertThat(experiences.at("/0/EntityType").asString()).isEqualTo("Experience");
        assertRaised(result.at("/sellerExperience"), "ResourceNotFoundException", 404);

        for (var call : List.of("set", "batch", "sets", "setsByName", "experience", "experiences")) {
            var raw = result.at("/" + call + "/raw");
            assertThat(raw.at("/contentType").asString()).as(call).isEqualTo("application/json");
            assertThat(CATALOG.violations(
                            raw.at("/operation").asString(),
                            JSON.readTree(raw.at("/body").asString())))
                    .as("%s conforms to the model's output shape: %s", call, raw)
                    .allMatch(CatalogWireTests::acceptedDeparture);
        }
    }

    /** A draft private offer of Acme's for Globex, of a fresh product: an offer set holds one offer per product. */
    private static String draft(AgreementFixtures agreements) {
        var offers = agreements.offers();
        var changes = new ArrayList<>(offers.privateOffer(
                agreements.saasProduct(), OfferFixtures.unique("Member"), OfferFixtures.GLOBEX_ACCOUNT, null));
        changes.removeLast();
        var done = offers.run(OfferFixtures.AUTHOR, changes);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    private static List<String> ids(JsonNode summaries) {
        var ids = new ArrayList<String>();
        summaries.forEach(s -> ids.add(s.at("/EntityId").asString()));
        return ids;
    }
}
