package io.offerdesk.awsapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.awsapi.support.AwsClients;
import io.offerdesk.awsapi.support.BotocoreConformance;
import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.Onboarding;
import io.offerdesk.support.TestApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue #10's acceptance story, told end to end by AWS's own clients with nothing but Offerdesk's endpoint URLs and
 * access keys: boto3 ({@code awsapi/story.py}) and the AWS CLI ({@code awsapi/story_cli.py}, the same flow as {@code
 * aws} processes). A seller releases a private offer with a payment schedule through a change set and a resale
 * authorization; its channel partner finds the authorization and releases a marked-up CPPO; the buyer quotes and
 * accepts both, reads terms and charges and, once the first installment is invoiced, the invoice line items; the
 * seller asks for a payment the buyer accepts, meters usage and reads the entitlements. Every party is the test's
 * own, and every successful answer conforms to the botocore model.
 */
// Moves the simulated clock a minute so that the invoicing run issues the first installment's invoice.
@EndToEndTest
@Order(Order.DEFAULT + 66)
class AwsStoryTests {

    static final Map<String, BotocoreConformance> MODELS = Map.of(
            "catalog", BotocoreConformance.of("marketplace-catalog"),
            "agreement", BotocoreConformance.of("marketplace-agreement"),
            "metering", BotocoreConformance.of("meteringmarketplace"),
            "entitlement", BotocoreConformance.of("marketplace-entitlement"),
            "discovery", BotocoreConformance.of("marketplace-discovery"));

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void boto3TellsTheStoryFromPrivateOfferToEntitlement() {
        tell("story.py");
    }

    @Test
    void theAwsCliTellsTheSameStory() {
        tell("story_cli.py");
    }

    /** The parties of one telling: their own seller (with two products), channel partner and buyer. */
    record Cast(
            String sellerAccount,
            String partnerAccount,
            String buyerAccount,
            String buyer,
            String product,
            String resaleProduct,
            Map<String, Object> keys) {}

    private void tell(String script) {
        var collections = new CollectionFixtures(api, jdbc);
        var cast = cast(collections);
        var arguments = new HashMap<String, Object>();
        arguments.putAll(Map.of(
                "endpoints",
                endpoints(),
                "keys",
                cast.keys(),
                "product",
                cast.product(),
                "resaleProduct",
                cast.resaleProduct(),
                "buyerAccount",
                cast.buyerAccount(),
                "partnerAccount",
                cast.partnerAccount(),
                "today",
                collections.today().toString(),
                "offerName",
                OfferFixtures.unique("Story")));

        var sold = act(script, "sell", arguments);
        var made = sold.at("/made");
        assertSold(sold, made, cast);

        arguments.put("made", made);
        var bought = act(script, "buy", arguments);
        var agreements = bought.at("/made/agreements");
        assertBought(bought, agreements, made, cast);

        collections.advanceTo(collections.now().plusSeconds(60));
        var invoice = collections.invoicesOf(agreements.at("/offer").asString());
        assertThat(invoice).as("the first installment, due today, is invoiced").isNotEmpty();
        arguments.put("made", bought.at("/made"));
        arguments.put("now", collections.now().toString());
        var invoiced = act(script, "invoiced", arguments);
        assertInvoiced(invoiced, invoice.getFirst(), cast);
    }

    private static void assertSold(JsonNode sold, JsonNode made, Cast cast) {
        var offer = made.at("/offer").asString();
        assertThat(ok(sold, "/catalog/startOffer").at("/ChangeSetId").asString())
                .matches("[a-z0-9]{25}");
        assertThat(ok(sold, "/catalog/offerChangeSet").at("/Status").asString()).isEqualTo("SUCCEEDED");
        assertThat(offer).matches("offer-[a-z0-9]{13}");
        assertThat(ok(sold, "/catalog/listOffers").at("/EntitySummaryList").findValuesAsString("EntityId"))
                .containsExactly(offer);
        var details = ok(sold, "/catalog/describeOffer").at("/DetailsDocument");
        assertThat(details.at("/State").asString()).isEqualTo("Released");
        assertThat(term(details, "PaymentScheduleTerm").at("/Schedule").findValuesAsString("ChargeAmount"))
                .containsExactly("6000.00", "6000.00");

        var authorization = ok(sold, "/catalog/authorizationChangeSet");
        assertThat(authorization.at("/Status").asString()).isEqualTo("SUCCEEDED");
        assertThat(made.at("/authorization").asString())
                .as("the partner finds the authorization the seller released, shared with it")
                .isEqualTo(authorization
                        .at("/ChangeSet/0/Entity/Identifier")
                        .asString()
                        .replaceAll("@.*", ""));
        assertThat(ok(sold, "/catalog/sharedAuthorizations").at("/EntitySummaryList"))
                .hasSize(1);

        assertThat(ok(sold, "/catalog/cppoChangeSet").at("/Status").asString()).isEqualTo("SUCCEEDED");
        var cppo = ok(sold, "/catalog/describeCppo").at("/DetailsDocument");
        assertThat(cppo.at("/State").asString()).isEqualTo("Released");
        assertThat(cppo.at("/ResaleAuthorizationId").asString())
                .isEqualTo(made.at("/authorization").asString());
        assertThat(term(cppo, "PaymentScheduleTerm").at("/Schedule").findValuesAsString("ChargeAmount"))
                .as("the wholesale installments marked up 10 %")
                .containsExactly("1100.00", "550.00");
        assertThat(cppo.toString()).contains(cast.buyerAccount());
        assertConform(sold);
    }

    private static void assertBought(JsonNode bought, JsonNode agreements, JsonNode made, Cast cast) {
        assertThat(ok(bought, "/discovery/purchaseOptions")
                        .at("/purchaseOptions")
                        .findValuesAsString("purchaseOptionId"))
                .as("the buyer finds both offers among its private purchase options")
                .contains(made.at("/offer").asString(), made.at("/cppo").asString());
        assertThat(ok(bought, "/discovery/terms_offer").at("/offerTerms").toString())
                .as("Discovery shows the buyer the payment schedule it accepts")
                .contains("\"6000.00\"");
        for (var offer : List.of("offer", "cppo")) {
            var agreement = agreements.at("/" + offer).asString();
            assertThat(agreement).startsWith("agmt-");
            var described = ok(bought, "/agreement/describe_" + offer);
            assertThat(described.at("/status").asString()).isEqualTo("ACTIVE");
            assertThat(described.at("/acceptor/accountId").asString()).isEqualTo(cast.buyerAccount());
            assertThat(described.at("/proposalSummary/offerId").asString())
                    .isEqualTo(made.at("/" + offer).asString());
            assertThat(ok(bought, "/agreement/charges_" + offer).at("/items")).isNotEmpty();
        }
        assertThat(ok(bought, "/agreement/describe_offer")
                        .at("/proposer/accountId")
                        .asString())
                .isEqualTo(cast.sellerAccount());
        assertThat(ok(bought, "/agreement/describe_cppo")
                        .at("/proposer/accountId")
                        .asString())
                .as("the partner is the CPPO's seller of record")
                .isEqualTo(cast.partnerAccount());
        assertThat(ok(bought, "/agreement/quote_offer")
                        .at("/chargeSummary/newAgreementValue")
                        .asString())
                .isEqualTo("12000.00");
        var terms = new ArrayList<String>();
        ok(bought, "/agreement/terms_offer")
                .at("/acceptedTerms")
                .forEach(t -> terms.add(t.propertyNames().iterator().next()));
        assertThat(terms).contains("paymentScheduleTerm", "variablePaymentTerm", "legalTerm");
        assertThat(ok(bought, "/agreement/charges_offer").at("/items").findValuesAsString("amount"))
                .containsExactly("6000.00", "6000.00");
        assertThat(ok(bought, "/agreement/search").at("/agreementViewSummaries").findValuesAsString("agreementId"))
                .containsExactlyInAnyOrder(
                        agreements.at("/offer").asString(),
                        agreements.at("/cppo").asString());
        assertThat(ok(bought, "/agreement/searchSeller")
                        .at("/agreementViewSummaries")
                        .findValuesAsString("agreementId"))
                .containsExactly(agreements.at("/offer").asString());
        assertThat(ok(bought, "/agreement/searchPartner")
                        .at("/agreementViewSummaries")
                        .findValuesAsString("agreementId"))
                .containsExactly(agreements.at("/cppo").asString());
        assertThat(ok(bought, "/agreement/describePartner")
                        .at("/proposer/accountId")
                        .asString())
                .isEqualTo(cast.partnerAccount());
        assertConform(bought);
    }

    private static void assertInvoiced(JsonNode invoiced, String invoice, Cast cast) {
        var groups = ok(invoiced, "/agreement/lineItems").at("/agreementInvoiceLineItemGroupSummaries");
        assertThat(groups.findValuesAsString("invoiceId")).contains(invoice);
        assertThat(groups.at("/0/pricingCurrencyAmount/currencyCode").asString())
                .isEqualTo("USD");
        assertThat(ok(invoiced, "/agreement/lineItemsSeller")
                        .at("/agreementInvoiceLineItemGroupSummaries")
                        .findValuesAsString("invoiceId"))
                .contains(invoice);
        assertThat(ok(invoiced, "/agreement/sendPayment").at("/status").asString())
                .isEqualTo("PENDING_APPROVAL");
        assertThat(ok(invoiced, "/agreement/acceptPayment").at("/status").asString())
                .isEqualTo("APPROVED");
        assertThat(ok(invoiced, "/agreement/getPayment").at("/chargeAmount").asString())
                .isEqualTo("1500.00");

        for (var product : List.of("product", "resaleProduct")) {
            var metered = ok(invoiced, "/metering/" + product).at("/Results/0");
            assertThat(metered.at("/Status").asString()).as(metered.toString()).isEqualTo("Success");
            assertThat(metered.at("/MeteringRecordId").asString()).isNotBlank();

            var entitlements = ok(invoiced, "/entitlement/" + product).at("/Entitlements");
            assertThat(entitlements).as(product).isNotEmpty();
            assertThat(entitlements.findValuesAsString("CustomerAWSAccountId")).containsOnly(cast.buyerAccount());
            assertThat(entitlements.findValuesAsString("Dimension")).contains("analysts");
        }
        assertConform(invoiced);
    }

    /**
     * Every call of the act succeeded (the story has no refusals in it) and its answer conforms to its operation's
     * output shape in its service's model; boto3 also read AWS's request id (the AWS CLI prints none).
     */
    private static void assertConform(JsonNode act) {
        for (var service : MODELS.entrySet()) {
            for (var call : act.at("/" + service.getKey()).properties()) {
                assertThat(call.getValue().at("/ok").asBoolean())
                        .as(call.getKey() + ": " + call.getValue())
                        .isTrue();
                var raw = call.getValue().at("/raw");
                if (!raw.at("/contentType").isNull()) {
                    assertThat(call.getValue().at("/requestId").asString())
                            .as("x-amzn-RequestId")
                            .isNotBlank();
                }
                assertThat(service.getValue()
                                .violations(
                                        raw.at("/operation").asString(),
                                        AwsClients.JSON.readTree(raw.at("/body").asString())))
                        .as("%s conforms to the model's output shape: %s", call.getKey(), raw)
                        .allMatch(CatalogWireTests::acceptedDeparture);
            }
        }
    }

    /**
     * The seller (an author and a finance user, a metered SaaS product and a second one to resell), the channel partner
     * and the buyer (a procurement user), each onboarded for this telling, with an access key pair each.
     */
    private Cast cast(CollectionFixtures collections) {
        var onboarding = new Onboarding(api);
        var seller = onboarding.party("SELLER", "Story", "story", '8');
        var author = onboarding.invite(seller.admin(), seller.email("author"), "OFFER_AUTHOR");
        var finance = onboarding.invite(seller.admin(), seller.email("finance"), "FINANCE");
        var partner = onboarding.party("CHANNEL_PARTNER", "Story reseller", "reseller", '6');
        var buyer = collections.buyer();
        var keys = Map.<String, Object>of(
                "seller", accessKey(author),
                "sellerFinance", accessKey(finance),
                "partner", accessKey(partner.admin()),
                "buyer", accessKey(buyer.procurement()));
        return new Cast(
                seller.accountId(),
                partner.accountId(),
                buyer.accountId(),
                buyer.procurement(),
                product(seller.admin(), "Story analytics"),
                product(seller.admin(), "Story resale"),
                keys);
    }

    /** A SaaS product sold by the analyst and metered by request. */
    private String product(String admin, String title) {
        var created = api.post("/api/v1/products", admin, """
                {"type":"SAAS","title":"%s","shortDescription":"Analytics for the AWS story",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"},
                               {"key":"requests","name":"Requests","unit":"Requests","type":"METERED"}],
                 "fulfillmentUrl":"https://seller.example/signup",
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"1200","currency":"USD"}]}}""".formatted(OfferFixtures.unique(title)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    /** The offer's term ids and types as the buyer sees them before quoting. */
    private Map<String, String> endpoints() {
        var endpoints = new HashMap<String, String>();
        for (var service : MODELS.keySet()) {
            endpoints.put(service, api.baseUrl() + "/aws/" + service);
        }
        return endpoints;
    }

    private Map<String, String> accessKey(String holder) {
        return AwsClients.accessKey(api, holder, holder);
    }

    private static JsonNode act(String script, String act, Map<String, Object> arguments) {
        var all = new HashMap<>(arguments);
        all.put("act", act);
        return AwsClients.boto3(script, all);
    }

    private static JsonNode ok(JsonNode act, String call) {
        var outcome = act.at(call);
        assertThat(outcome.at("/ok").asBoolean()).as(call + ": " + outcome).isTrue();
        return outcome.at("/response");
    }

    private static JsonNode term(JsonNode details, String type) {
        for (var term : details.at("/Terms")) {
            if (term.at("/Type").asString().equals(type)) {
                return term;
            }
        }
        throw new AssertionError("no " + type + " in " + details);
    }
}
