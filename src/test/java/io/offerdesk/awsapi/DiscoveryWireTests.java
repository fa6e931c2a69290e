package io.offerdesk.awsapi;

import static io.offerdesk.awsapi.support.AwsClients.assertRaised;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.awsapi.support.AwsClients;
import io.offerdesk.awsapi.support.BotocoreConformance;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.parties.internal.DemoParties;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Discovery API as a buyer's program calls it: boto3 ({@code awsapi/discovery.py}) and the AWS CLI, pointed at
 * {@code /aws/discovery}, search public listings with filters, pages and facet counts, read a listing, its product and
 * fulfillment option, list the buyer's purchase options (its private offer and offer set among them), read the offer,
 * its terms with the payment schedule and the offer set; another buyer's private offer, and a limited product of
 * someone else's offer, are not found, bad requests are the model's {@code ValidationException}, and the simulator's
 * throttle its {@code ThrottlingException}.
 */
@EndToEndTest
class DiscoveryWireTests {

    static final String AUTHOR = AgreementFixtures.AUTHOR;
    static final String GLOBEX = AgreementFixtures.GLOBEX;
    static final String GLOBEX_ACCOUNT = AgreementFixtures.GLOBEX_ACCOUNT;
    static final String INITECH = AgreementFixtures.INITECH;
    static final String INITECH_ACCOUNT = "500000000001";
    static final String NIMBUS = OfferFixtures.NIMBUS;
    static final String OPERATOR = "operator@offerdesk.example";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final BotocoreConformance DISCOVERY = BotocoreConformance.of("marketplace-discovery");

    @Autowired
    TestApi api;

    /**
     * Nothing a buyer sends makes Discovery deny access or fail inside (what it may not see is not found): the
     * simulator's fault control makes those two modeled errors, once each.
     */
    @Test
    void theSimulatorsFaultsAreRaisedAsTheModeledExceptions() {
        var globex = UUID.fromString(
                api.get("/api/v1/parties/me", GLOBEX).json().at("/id").asString());
        var service = "marketplace-discovery";
        try {
            AwsClients.fault(api, globex, service, "SearchListings", "AccessDeniedException", 1);
            AwsClients.fault(api, globex, service, "GetListing", "InternalServerException", 1);
            var outcomes = AwsClients.calls(
                    service,
                    api.baseUrl() + "/aws/discovery",
                    AwsClients.accessKey(api, GLOBEX, GLOBEX),
                    List.of(
                            Map.of("operation", "search_listings", "params", Map.of()),
                            Map.of(
                                    "operation",
                                    "get_listing",
                                    "params",
                                    Map.of("listingId", "prodview-nosuchlisting"))));
            assertRaised(outcomes.get(0), "AccessDeniedException", 403);
            assertRaised(outcomes.get(1), "InternalServerException", 500);
        } finally {
            AwsClients.clearFaults(api, globex);
        }
    }

    @Test
    void aBuyersProgramSearchesReadsAndFindsItsPrivateOfferWithBoto3AndTheAwsCli() {
        var word = "zq" + UUID.randomUUID().toString().substring(0, 8);
        var category = "Discovery " + word;
        var shield = publish("""
                {"type":"SAAS","title":"Nimbus %s Shield","shortDescription":"Shields for discovery tests",
                 "fulfillmentUrl":"https://shield.nimbus.example/register",
                 "categories":["Security","%s"],"keywords":["%s"],
                 "dimensions":[{"key":"hosts","name":"Protected hosts","unit":"Hosts","type":"ENTITLED"},
                               {"key":"requests","name":"Requests","unit":"Requests","type":"METERED"}],
                 "publicOffer":{"pricingModels":["CONTRACT","USAGE"],"prices":[
                   {"model":"CONTRACT","dimensionKey":"hosts","durationMonths":12,"amount":"120.00"},
                   {"model":"USAGE","dimensionKey":"requests","amount":"0.01"}]}}""".formatted(word, category, word));
        var workshop = publish("""
                {"type":"PROFESSIONAL_SERVICES","title":"Nimbus %s workshop",
                 "shortDescription":"Two weeks of hardening","categories":["Implementation"],
                 "dimensions":[{"key":"workshop","name":"Workshop","unit":"Units","type":"ENTITLED"}],
                 "delivery":{"deliverables":["Threat model"],"estimatedDuration":"2 weeks"},
                 "publicOffer":{"pricingModels":["CONTRACT"],"prices":[
                   {"model":"CONTRACT","dimensionKey":"workshop","durationMonths":1,"amount":"5000.00"}]}}""".formatted(word));

        // delivered as images: other words, so that the searches above find only the shield and the workshop
        var image = publish("""
                {"type":"AMI","title":"Nimbus %s image","shortDescription":"A hardened image",
                 "dimensions":[{"key":"m5.large","name":"m5.large","unit":"Hrs","type":"METERED"}],
                 "delivery":{"amis":[{"amiId":"ami-0123456789abcdef0","region":"us-east-1","operatingSystem":"Amazon Linux 2"},
                                     {"amiId":"ami-0fedcba9876543210","region":"eu-central-1","operatingSystem":"Windows Server 2022"}],
                             "usageInstructions":"Launch it from the console."},
                 "publicOffer":{"pricingModels":["USAGE"],"prices":[
                   {"model":"USAGE","dimensionKey":"m5.large","amount":"0.10"}]}}""".formatted(UUID.randomUUID()));
        var container = publish("""
                {"type":"CONTAINER","title":"Nimbus %s agent","shortDescription":"A container agent",
                 "dimensions":[{"key":"vcpu","name":"vCPU","unit":"Hrs","type":"METERED"}],
                 "delivery":{"containerImages":[
                   {"repositoryUri":"709825985650.dkr.ecr.us-east-1.amazonaws.com/nimbus/agent","tag":"1.0.0"},
                   {"repositoryUri":"709825985650.dkr.ecr.us-east-1.amazonaws.com/nimbus/agent","tag":"1.1.0"}],
                  "deploymentInstructions":"helm install nimbus-agent"},
                 "publicOffer":{"pricingModels":["USAGE"],"prices":[
                   {"model":"USAGE","dimensionKey":"vcpu","amount":"0.05"}]}}""".formatted(UUID.randomUUID()));

        var fixtures = new AgreementFixtures(api);
        var product = fixtures.saasProduct();
        var productTitle = api.get("/api/v1/products/" + product, AUTHOR)
                .json()
                .at("/title")
                .asString();
        var offer = fixtures.installmentOffer(product, GLOBEX_ACCOUNT);
        var otherOffer = fixtures.installmentOffer(fixtures.saasProduct(), INITECH_ACCOUNT);
        var first = fixtures.draftOffer(fixtures.saasProduct());
        var second = fixtures.draftOffer(fixtures.saasProduct());
        var offerSet = fixtures.releasedOfferSet("Discovery bundle", first, second);

        var globex = api.get("/api/v1/parties/me", GLOBEX).json().at("/id").asString();
        var throttle = api.post("/api/v1/simulation/throttles", OPERATOR, """
                {"partyId":"%s","service":"marketplace-discovery","operation":"SearchFacets","calls":1}""".formatted(globex));
        assertThat(throttle.status()).as(throttle.body()).isEqualTo(200);

        var arguments = new HashMap<String, Object>();
        arguments.put("endpoint", api.baseUrl() + "/aws/discovery");
        arguments.put("buyer", AwsClients.accessKey(api, GLOBEX, GLOBEX));
        arguments.put("otherBuyer", AwsClients.accessKey(api, INITECH, INITECH));
        arguments.put("word", word);
        arguments.put("category", category);
        arguments.put("productWord", productTitle.substring(productTitle.lastIndexOf(' ') + 1));
        arguments.put("product", product);
        arguments.put("workshop", workshop);
        arguments.put("image", image);
        arguments.put("container", container);
        arguments.put("offer", offer);
        arguments.put("otherOffer", otherOffer);
        arguments.put("offerSet", offerSet);
        var result = AwsClients.boto3("discovery.py", arguments);

        // search, with a filter, pages and facet counts
        var all = ok(result, "searchAll");
        assertThat(all.at("/totalResults").asInt()).isEqualTo(2);
        assertThat(all.at("/listingSummaries").findValuesAsString("productId"))
                .containsExactlyInAnyOrder(shield, workshop);
        var summary = all.at("/listingSummaries/0");
        assertThat(summary.at("/listingId").asString()).isEqualTo("prodview-" + shield.substring(5));
        assertThat(summary.at("/publisher/displayName").asString()).isEqualTo("Nimbus Security");
        assertThat(summary.at("/pricingModels").findValuesAsString("pricingModelType"))
                .containsExactly("CONTRACT", "USAGE");
        assertThat(ok(result, "searchSaas").at("/listingSummaries").findValuesAsString("productId"))
                .containsExactly(shield);
        var facets = ok(result, "facets");
        assertThat(facets.at("/totalResults").asInt()).isEqualTo(2);
        assertThat(counts(facets.at("/listingFacets/FULFILLMENT_OPTION_TYPE")))
                .containsExactlyInAnyOrder("SAAS=1", "PROFESSIONAL_SERVICES=1");
        assertThat(counts(facets.at("/listingFacets/PRICING_MODEL"))).containsExactly("CONTRACT=2", "USAGE=1");
        assertThat(counts(facets.at("/listingFacets/CATEGORY")))
                .containsExactlyInAnyOrder("security=1", "discovery-" + word + "=1", "implementation=1");
        assertThat(facets.at("/listingFacets/PUBLISHER/0/displayName").asString())
                .isEqualTo("Nimbus Security");
        assertThat(facets.at("/listingFacets/PUBLISHER/0/count").asInt()).isEqualTo(2);
        assertThat(result.at("/categoryId").asString()).isEqualTo("discovery-" + word);
        assertThat(ok(result, "searchCategory").at("/listingSummaries").findValuesAsString("productId"))
                .as("a category's facet value filters by it; values of one filter are ORed")
                .containsExactly(shield);
        assertThat(ok(result, "searchPublisherUsage").at("/listingSummaries").findValuesAsString("productId"))
                .as("Nimbus's listings with usage pricing (or BYOL, which none has)")
                .containsExactly(shield);
        assertThat(ok(result, "searchFree").at("/totalResults").asInt())
                .as("no public offer is free")
                .isZero();
        var firstPage = ok(result, "firstPage");
        var secondPage = ok(result, "secondPage");
        assertThat(firstPage.at("/nextToken").asString()).isNotBlank();
        assertThat(secondPage.has("nextToken")).isFalse();
        var bothPages = new ArrayList<String>();
        bothPages.addAll(firstPage.at("/listingSummaries").findValuesAsString("productId"));
        bothPages.addAll(secondPage.at("/listingSummaries").findValuesAsString("productId"));
        assertThat(bothPages).containsExactlyInAnyOrder(shield, workshop);

        // the product the buyer holds a private offer for
        var listing = ok(result, "getListing");
        assertThat(listing.at("/associatedEntities/0/product/productId").asString())
                .isEqualTo(product);
        assertThat(listing.at("/associatedEntities").findValuesAsString("offerId"))
                .containsExactly(offer);
        var described = ok(result, "getProduct");
        assertThat(described.at("/productId").asString()).isEqualTo(product);
        assertThat(described.at("/manufacturer/displayName").asString()).isEqualTo("Acme Analytics");
        var fulfillment = ok(result, "fulfillment").at("/fulfillmentOptions/0/saasFulfillmentOption");
        assertThat(fulfillment.at("/fulfillmentOptionType").asString()).isEqualTo("SAAS");
        assertThat(fulfillment.has("fulfillmentUrl"))
                .as("a SaaS product's registration URL is for subscribers only")
                .isFalse();

        // the buyer's purchase options, its private offer, the terms and the offer set
        var options = ok(result, "privateOptions").at("/purchaseOptions");
        var ids = options.findValuesAsString("purchaseOptionId");
        assertThat(ids).contains(offer, offerSet).doesNotContain(otherOffer, first, second);
        var option = find(options, offer);
        assertThat(option.at("/purchaseOptionType").asString()).isEqualTo("OFFER");
        assertThat(option.at("/badges").findValuesAsString("badgeType")).containsExactly("PRIVATE_PRICING");
        assertThat(option.at("/associatedEntities/0/product/productId").asString())
                .isEqualTo(product);
        var set = find(options, offerSet);
        assertThat(set.at("/purchaseOptionType").asString()).isEqualTo("OFFERSET");
        assertThat(set.at("/associatedEntities").findValuesAsString("offerId")).containsExactly(first, second);
        assertThat(ok(result, "productOptions").at("/purchaseOptions").findValuesAsString("purchaseOptionId"))
                .containsExactly(offer);

        var got = ok(result, "getOffer");
        assertThat(got.at("/offerId").asString()).isEqualTo(offer);
        assertThat(got.at("/agreementProposalId").asString())
                .as("what the Agreement API's create_agreement_request takes")
                .isEqualTo(offer);
        assertThat(got.at("/pricingModel/pricingModelType").asString()).isEqualTo("CONTRACT");
        assertThat(got.at("/sellerOfRecord/displayName").asString()).isEqualTo("Acme Analytics");
        assertThat(got.at("/expirationTime").isMissingNode()).isFalse();
        var terms = ok(result, "getOfferTerms").at("/offerTerms");
        var schedule = member(terms, "paymentScheduleTerm");
        assertThat(schedule.at("/currencyCode").asString()).isEqualTo("USD");
        assertThat(schedule.at("/schedule")).hasSize(12);
        assertThat(schedule.at("/schedule").findValuesAsString("chargeAmount")).containsOnly("1000.00");
        assertThat(member(terms, "fixedUpfrontPricingTerm")
                        .at("/grants/0/displayName")
                        .asString())
                .isEqualTo("Analysts");
        assertThat(member(terms, "legalTerm").at("/documents/0/type").asString())
                .isEqualTo("StandardEula");
        assertThat(member(terms, "supportTerm").at("/refundPolicy").asString()).isEqualTo("Refunds within 30 days.");
        assertThat(member(terms, "validityTerm").at("/agreementDuration").asString())
                .isEqualTo("P12M");
        var paged = ok(result, "termsInPages");
        assertThat(paged.at("/pages").asInt()).isGreaterThan(1);
        assertThat(paged.at("/offerTerms")).isEqualTo(terms);
        var services =
                ok(result, "workshopFulfillment").at("/fulfillmentOptions/0/professionalServicesFulfillmentOption");
        assertThat(services.at("/fulfillmentOptionType").asString()).isEqualTo("PROFESSIONAL_SERVICES");
        var ami = ok(result, "imageFulfillment").at("/fulfillmentOptions/0/amazonMachineImageFulfillmentOption");
        assertThat(ami.at("/operatingSystems").findValuesAsString("operatingSystemName"))
                .containsExactly("Amazon Linux 2", "Windows Server 2022");
        assertThat(ami.at("/operatingSystems").findValuesAsString("operatingSystemFamilyName"))
                .containsExactly("Linux", "Windows");
        assertThat(ami.toString()).as("AMI ids are for subscribers only").doesNotContain("ami-0123456789abcdef0");
        var agent = ok(result, "containerFulfillment").at("/fulfillmentOptions/0/containerFulfillmentOption");
        assertThat(agent.at("/fulfillmentOptionVersion").asString()).isEqualTo("1.1.0");
        assertThat(agent.at("/usageInstructions").asString()).isEqualTo("helm install nimbus-agent");
        assertThat(agent.toString()).as("image URIs are for subscribers only").doesNotContain("dkr.ecr");
        var gotSet = ok(result, "getOfferSet");
        assertThat(gotSet.at("/offerSetId").asString()).isEqualTo(offerSet);
        assertThat(gotSet.at("/associatedEntities").findValuesAsString("offerId"))
                .containsExactly(first, second);

        // the simulator's throttle answers the model's ThrottlingException, once: the facets above came after it
        assertRaised(result.at("/throttled"), "ThrottlingException", 429);

        // what the buyer may not see is not found; bad requests are refused as modeled
        for (var hidden : List.of(
                "otherBuyersOffer",
                "otherBuyersTerms",
                "productForOtherBuyer",
                "offerForOtherBuyer",
                "unknownListing")) {
            assertRaised(result.at("/" + hidden), "ResourceNotFoundException", 404);
        }
        for (var refused : List.of("noScope", "badToken", "unsupportedFilter", "leastRelevantFirst")) {
            assertRaised(result.at("/" + refused), "ValidationException", 400);
        }
        assertThat(result.at("/noScope/message").asString()).contains("PRODUCT_ID", "VISIBILITY_SCOPE");
        assertThat(result.at("/noScope/reason").asString()).isEqualTo("MALFORMED_REQUEST_PARAMETERS");
        assertThat(result.at("/badToken/reason").asString()).isEqualTo("INVALID_PAGINATION_TOKEN");
        assertThat(result.at("/unsupportedFilter/message").asString()).contains("MIN_AVERAGE_CUSTOMER_RATING");

        // every successful answer is the model's output shape, as it came over the wire
        var checked = 0;
        for (var call : result.properties()) {
            var raw = call.getValue().at("/raw");
            if (call.getValue().at("/ok").asBoolean()) {
                assertThat(DISCOVERY.violations(
                                raw.at("/operation").asString(),
                                JSON.readTree(raw.at("/body").asString())))
                        .as("%s conforms to the model's output shape: %s", call.getKey(), raw)
                        .isEmpty();
                assertThat(raw.at("/contentType").asString()).isEqualTo("application/json");
                checked++;
            }
        }
        assertThat(checked).isEqualTo(21);

        // the AWS CLI, with Globex's demo key, lists the same private purchase options
        var cli = JSON.readTree(AwsClients.run(
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        DemoParties.demoAccessKeyId(GLOBEX),
                        "AWS_SECRET_ACCESS_KEY",
                        DemoParties.demoSecretAccessKey(GLOBEX),
                        "AWS_CONFIG_FILE",
                        "/nonexistent",
                        "AWS_SHARED_CREDENTIALS_FILE",
                        "/nonexistent"),
                "aws",
                "marketplace-discovery",
                "list-purchase-options",
                "--endpoint-url",
                api.baseUrl() + "/aws/discovery",
                "--region",
                "us-east-1",
                "--output",
                "json",
                "--filters",
                "filterType=VISIBILITY_SCOPE,filterValues=PRIVATE"));
        var listed = cli.at("/purchaseOptions");
        assertThat(listed.findValuesAsString("purchaseOptionId"))
                .contains(offer, offerSet)
                .doesNotContain(otherOffer, first, second);
        assertThat(find(listed, offer).at("/purchaseOptionName").asString())
                .isEqualTo(option.at("/purchaseOptionName").asString());
        assertThat(find(listed, offerSet).at("/purchaseOptionType").asString()).isEqualTo("OFFERSET");
    }

    /** Creates a Nimbus product from its JSON and makes it public; returns its id. */
    private String publish(String product) {
        var created = api.post("/api/v1/products", NIMBUS, product);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.json().at("/id").asString();
        var published = api.post("/api/v1/products/" + id + "/visibility", NIMBUS, "{\"visibility\":\"PUBLIC\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return id;
    }

    private static JsonNode ok(JsonNode result, String call) {
        var outcome = result.at("/" + call);
        assertThat(outcome.at("/ok").asBoolean()).as(call + ": " + outcome).isTrue();
        return outcome.at("/response");
    }

    private static JsonNode find(JsonNode options, String id) {
        for (var option : options) {
            if (option.at("/purchaseOptionId").asString().equals(id)) {
                return option;
            }
        }
        throw new AssertionError("no purchase option " + id + " in " + options);
    }

    /** The union member of the list that has the member, e.g. the {@code paymentScheduleTerm} of an offer's terms. */
    private static JsonNode member(JsonNode unions, String member) {
        for (var union : unions) {
            if (union.has(member)) {
                return union.get(member);
            }
        }
        throw new AssertionError("no " + member + " in " + unions);
    }

    private static List<String> counts(JsonNode facet) {
        var counts = new ArrayList<String>();
        facet.forEach(value -> counts.add(
                value.at("/value").asString() + "=" + value.at("/count").asInt()));
        return counts;
    }
}
