package io.offerdesk.awsapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.awsapi.support.AwsClients;
import io.offerdesk.awsapi.support.BotocoreConformance;
import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.parties.internal.DemoParties;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Agreement Service as AWS's own clients call it: boto3 ({@code awsapi/agreement.py}) and the AWS CLI, pointed at
 * {@code /aws/agreement}, quote and accept a released private offer as the buyer, describe and search the agreement
 * from both sides, read its terms (the model's union), charges and pages, send a payment request as the seller and
 * accept it as the buyer, read the invoice and ask for a billing adjustment once the invoicing run issued it, and get
 * the modeled exceptions; another buyer's keys find nothing.
 */
// Moves the simulated clock a minute so that the invoicing run issues the agreement's invoice.
@EndToEndTest
@Order(Order.DEFAULT + 54)
class AgreementWireTests {

    static final String AUTHOR = AgreementFixtures.AUTHOR;
    static final String GLOBEX = AgreementFixtures.GLOBEX;
    static final String GLOBEX_ACCOUNT = AgreementFixtures.GLOBEX_ACCOUNT;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final BotocoreConformance AGREEMENT = BotocoreConformance.of("marketplace-agreement");

    @Autowired
    TestApi api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void boto3QuotesAcceptsReadsAndRequestsPaymentAsBuyersAndSellersDo() {
        var fixtures = new AgreementFixtures(api);
        var product = fixtures.saasProduct();
        var offer = variablePaymentOffer(fixtures, product);
        var keys = Map.of(
                "buyer", accessKey(GLOBEX),
                "viewer", accessKey("finance@globex.example"),
                "seller", accessKey(AUTHOR),
                "sellerFinance", accessKey("finance@acme.example"),
                "otherBuyer", accessKey(AgreementFixtures.INITECH));
        var arguments = new HashMap<String, Object>(keys);
        arguments.putAll(
                Map.of("scenario", "flow", "offer", offer, "product", product, "terms", terms(fixtures, offer)));
        var result = boto3(arguments);

        var quote = ok(result, "quote");
        assertThat(quote.at("/agreementRequestId").asString()).startsWith("ar-");
        assertThat(quote.at("/chargeSummary/currencyCode").asString()).isEqualTo("USD");
        assertThat(quote.at("/chargeSummary/expectedCharges").size()).isPositive();
        assertRaised(result.at("/acceptWithoutProcurement"), "AccessDeniedException", 403);
        assertThat(result.at("/acceptWithoutProcurement/reason").asString()).isEqualTo("INVALID_ACCESS");
        var agreement = ok(result, "accept").at("/agreementId").asString();
        assertThat(agreement).startsWith("agmt-");

        for (var side : List.of("describeBuyer", "describeSeller")) {
            var described = ok(result, side);
            assertThat(described.at("/agreementId").asString()).isEqualTo(agreement);
            assertThat(described.at("/status").asString()).isEqualTo("ACTIVE");
            assertThat(described.at("/acceptor/accountId").asString()).isEqualTo(GLOBEX_ACCOUNT);
            assertThat(described.at("/proposalSummary/offerId").asString()).isEqualTo(offer);
            assertThat(described.at("/proposalSummary/resources/0/type").asString())
                    .isEqualTo("SaaSProduct");
            assertThat(described.at("/estimatedCharges/agreementValue").asString())
                    .isEqualTo(quote.at("/chargeSummary/newAgreementValue").asString());
        }
        var describedAgain = result.at("/describeSentAgain");
        assertThat(describedAgain.at("/status").asInt())
                .as(describedAgain.toString())
                .isEqualTo(200);
        assertThat(describedAgain.at("/body/agreementId").asString()).isEqualTo(agreement);
        var acceptedAgain = result.at("/acceptSentAgain");
        assertThat(acceptedAgain.at("/status").asInt())
                .as(acceptedAgain.toString())
                .isEqualTo(403);
        assertThat(acceptedAgain.at("/body/__type").asString()).isEqualTo("InvalidSignatureException");
        assertThat(acceptedAgain.at("/body/message").asString()).contains("already been used");
        assertRaised(result.at("/describeOtherBuyer"), "ResourceNotFoundException", 404);
        assertThat(result.at("/describeOtherBuyer/resourceType").asString()).isEqualTo("Agreement");

        assertThat(ok(result, "searchBuyer")
                        .at("/agreementViewSummaries/0/agreementId")
                        .asString())
                .isEqualTo(agreement);
        assertThat(ok(result, "searchBuyer").at("/agreementViewSummaries").size())
                .isEqualTo(1);
        assertThat(ok(result, "searchSeller")
                        .at("/agreementViewSummaries/0/agreementId")
                        .asString())
                .isEqualTo(agreement);
        assertThat(ok(result, "searchOtherBuyer").at("/agreementViewSummaries").size())
                .as("another buyer's search does not find the agreement")
                .isZero();

        var terms = ok(result, "terms").at("/acceptedTerms");
        var types = new ArrayList<String>();
        terms.forEach(t -> types.add(t.propertyNames().iterator().next()));
        assertThat(types).contains("legalTerm", "supportTerm", "variablePaymentTerm");
        for (var term : terms) {
            assertThat(term.size())
                    .as("a union has exactly one member: " + term)
                    .isEqualTo(1);
        }
        var variable = find(terms, "variablePaymentTerm");
        assertThat(variable.at("/maxTotalChargeAmount").asString()).isEqualTo("50000.00");
        assertThat(variable.at("/configuration/paymentRequestApprovalStrategy").asString())
                .isEqualTo("WAIT_FOR_APPROVAL");
        assertThat(ok(result, "termsFirstPage").at("/acceptedTerms").size()).isEqualTo(2);
        var paged = new ArrayList<JsonNode>();
        ok(result, "termsFirstPage").at("/acceptedTerms").forEach(paged::add);
        ok(result, "termsSecondPage").at("/acceptedTerms").forEach(paged::add);
        var all = new ArrayList<JsonNode>();
        terms.forEach(all::add);
        assertThat(paged).as("two pages of two are the first four terms").isEqualTo(all.subList(0, 4));

        var charges = ok(result, "charges").at("/items");
        assertThat(charges.size()).isPositive();
        assertThat(charges.at("/0/agreementId").asString()).isEqualTo(agreement);
        assertThat(charges.at("/0/currencyCode").asString()).isEqualTo("USD");

        var sent = ok(result, "sendPayment");
        assertThat(sent.at("/status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(sent.at("/chargeAmount").asString()).isEqualTo("1500.00");
        assertRaised(result.at("/acceptPaymentAsSeller"), "AccessDeniedException", 403);
        assertThat(ok(result, "acceptPayment").at("/status").asString()).isEqualTo("APPROVED");
        assertRaised(result.at("/acceptPaymentAgain"), "ConflictException", 409);
        var got = ok(result, "getPayment");
        assertThat(got.at("/status").asString()).isEqualTo("APPROVED");
        assertThat(got.at("/updatedAt").asString()).isNotBlank();
        assertThat(ok(result, "listPayments").at("/items/0/paymentRequestId").asString())
                .isEqualTo(sent.at("/paymentRequestId").asString());
        assertRaised(result.at("/paymentOtherBuyer"), "ResourceNotFoundException", 404);
        assertThat(result.at("/paymentOtherBuyer/resourceType").asString()).isEqualTo("PaymentRequest");

        assertThat(ok(result, "cancelPayment").at("/status").asString()).isEqualTo("CANCELLED");
        assertThat(ok(result, "rejectPayment").at("/status").asString()).isEqualTo("REJECTED");

        assertThat(ok(result, "sendCancellation").at("/status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(ok(result, "withdrawCancellation").at("/status").asString()).isEqualTo("CANCELLED");
        assertThat(ok(result, "rejectCancellation").at("/status").asString()).isEqualTo("REJECTED");
        assertThat(ok(result, "getCancellation").at("/reasonCode").asString()).isEqualTo("TEST_AGREEMENT");
        assertThat(ok(result, "listCancellations").at("/items").size()).isEqualTo(2);
        assertRaised(result.at("/cancelAgreement"), "ValidationException", 400);
        assertThat(result.at("/cancelAgreement/reason").asString())
                .as("an installment contract commits the buyer: it cannot cancel alone")
                .isEqualTo("UNSUPPORTED_ACTION");
        ok(result, "updatePurchaseOrders");
        var chargeId = result.at("/updatedChargeId/id").asString();
        var references = new ArrayList<String>();
        ok(result, "chargesAfterUpdate").at("/items").forEach(c -> {
            if (c.at("/id").asString().equals(chargeId)) {
                references.add(c.at("/purchaseOrderReference").asString());
            }
        });
        assertThat(references).containsExactly("PO-9");
        var chargeIds = ok(result, "chargesAfterUpdate").at("/items").findValuesAsString("id");
        assertThat(chargeIds)
                .as("charge ids as the model's ChargeId writes them, one per charge")
                .allMatch(id -> id.matches("ch-[a-zA-Z0-9]+"))
                .doesNotHaveDuplicates()
                .contains(chargeId);
        var quotedCharge = result.at("/quotedChargeId").asString();
        assertThat(ok(result, "chargesAfterUpdate").at("/items"))
                .as("the quote's charge id, given back on acceptance, names the agreement's charge")
                .anySatisfy(c -> {
                    assertThat(c.at("/id").asString()).isEqualTo(quotedCharge);
                    assertThat(c.at("/purchaseOrderReference").asString()).isEqualTo("PO-1");
                });
        assertThat(ok(result, "getPayment").at("/chargeId").asString())
                .as("the approved payment request names its charge as ListAgreementCharges does")
                .isIn(chargeIds);
        var firstPage = ok(result, "chargesFirstPage");
        assertThat(firstPage.at("/items").size()).isEqualTo(1);
        assertThat(firstPage.at("/nextToken").asString())
                .as("more charges than one page of one")
                .isNotBlank();

        assertRaised(result.at("/badIntent"), "ValidationException", 400);
        assertThat(result.at("/badIntent/reason").asString()).isEqualTo("INVALID_INTENT");
        assertRaised(result.at("/badToken"), "ValidationException", 400);
        assertThat(result.at("/badToken/reason").asString()).isEqualTo("INVALID_NEXT_TOKEN");
        assertRaised(result.at("/unknownAgreement"), "ResourceNotFoundException", 404);

        var approved = api.get("/api/v1/agreements/" + agreement, AUTHOR);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        var amounts = new ArrayList<String>();
        approved.json().at("/charges").forEach(c -> amounts.add(c.at("/amount").asString()));
        assertThat(amounts)
                .as("the approved payment request is a charge of the agreement")
                .contains("1500.00");

        var collections = new CollectionFixtures(api, jdbc);
        collections.advanceTo(collections.now().plusSeconds(60));
        var invoice = collections.invoicesOf(agreement).getFirst();
        var later = new HashMap<String, Object>(keys);
        later.putAll(Map.of("scenario", "invoiced", "agreement", agreement, "invoice", invoice));
        var invoiced = boto3(later);
        var groups = ok(invoiced, "lineItems").at("/agreementInvoiceLineItemGroupSummaries");
        assertThat(groups.size()).as(groups.toString()).isPositive();
        assertThat(groups.at("/0/invoiceType").asString()).isEqualTo("INVOICE");
        assertThat(groups.at("/0/pricingCurrencyAmount/currencyCode").asString())
                .isEqualTo("USD");
        assertThat(ok(invoiced, "lineItemsBuyer")
                        .at("/agreementInvoiceLineItemGroupSummaries")
                        .size())
                .isEqualTo(groups.size());
        assertRaised(invoiced.at("/lineItemsOtherBuyer"), "ResourceNotFoundException", 404);
        var adjust = ok(invoiced, "adjust");
        assertThat(adjust.at("/items/0/clientToken").asString()).isEqualTo("refund-" + invoice);
        assertThat(adjust.at("/errors/0/code").asString()).isEqualTo("VALIDATION_EXCEPTION");
        assertThat(adjust.at("/errors/0/clientToken").asString()).isEqualTo("bad-" + invoice);
        var adjustment = ok(invoiced, "getAdjustment");
        assertThat(adjustment.at("/adjustmentAmount").asString()).isEqualTo("10.00");
        assertThat(adjustment.at("/adjustmentReasonCode").asString()).isEqualTo("BUYER_DISSATISFACTION");
        assertThat(ok(invoiced, "listAdjustments")
                        .at("/items/0/billingAdjustmentRequestId")
                        .asString())
                .isEqualTo(adjust.at("/items/0/billingAdjustmentRequestId").asString());
        var entitlements = ok(invoiced, "entitlements").at("/agreementEntitlements");
        assertThat(entitlements.size()).isPositive();
        assertThat(entitlements.at("/0/resource/id").asString()).isEqualTo(product);

        assertThat(ok(invoiced, "acceptCancellation").at("/status").asString()).isEqualTo("APPROVED");
        assertThat(ok(invoiced, "describeCancelled").at("/status").asString()).isEqualTo("CANCELLED");

        assertConform(result);
        assertConform(invoiced);
    }

    /** Every successful response of the run conforms to its operation's output shape, in awsJson 1.0. */
    private static void assertConform(JsonNode result) {
        var outcomes = result.properties().iterator();
        while (outcomes.hasNext()) {
            var call = outcomes.next();
            if (!call.getValue().at("/ok").asBoolean()) {
                continue;
            }
            var raw = call.getValue().at("/raw");
            assertThat(AGREEMENT.violations(
                            raw.at("/operation").asString(),
                            JSON.readTree(raw.at("/body").asString())))
                    .as("%s conforms to the model's output shape: %s", call.getKey(), raw)
                    .isEmpty();
            assertThat(raw.at("/contentType").asString()).isEqualTo("application/x-amz-json-1.0");
        }
    }

    @Test
    void theAwsCliDescribesAnAgreementWithADemoAccessKey() {
        var fixtures = new AgreementFixtures(api);
        var bought = fixtures.buy(fixtures.installmentOffer(fixtures.saasProduct(), GLOBEX_ACCOUNT));
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        var agreement = bought.json().at("/agreementId").asString();
        var out = AwsClients.run(
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
                "marketplace-agreement",
                "describe-agreement",
                "--endpoint-url",
                api.baseUrl() + "/aws/agreement",
                "--region",
                "us-east-1",
                "--output",
                "json",
                "--agreement-id",
                agreement);
        var answer = JSON.readTree(out);
        assertThat(answer.at("/agreementId").asString()).as(out).isEqualTo(agreement);
        assertThat(answer.at("/status").asString()).isEqualTo("ACTIVE");
        assertThat(answer.at("/acceptor/accountId").asString()).isEqualTo(GLOBEX_ACCOUNT);
    }

    /** Acme's private offer for Globex with variable payments of up to USD 50,000.00, released. */
    private static String variablePaymentOffer(AgreementFixtures fixtures, String product) {
        var changes = new ArrayList<>(
                fixtures.offers().privateOffer(product, OfferFixtures.unique("Wire"), GLOBEX_ACCOUNT, null));
        changes.add(
                changes.size() - 1,
                OfferFixtures.change("UpdateVariablePaymentTerms", "$O.Entity.Identifier", null, """
                {"Terms":[{"Type":"VariablePaymentTerm","CurrencyCode":"USD","MaxTotalChargeAmount":"50000.00"}]}"""));
        return fixtures.released(changes);
    }

    /**
     * The offer's term ids and types, as a buyer's program reads them from the offer before quoting (Offerdesk's
     * Discovery API; the native quote shows the same ids).
     */
    private List<Map<String, String>> terms(AgreementFixtures fixtures, String offer) {
        var quote = fixtures.quote(GLOBEX, offer, GLOBEX_ACCOUNT);
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var terms = new ArrayList<Map<String, String>>();
        for (var term : quote.json().at("/acceptedTerms")) {
            terms.add(Map.of(
                    "id",
                    term.at("/id").asString(),
                    "type",
                    term.at("/term/@type").asString()));
        }
        return terms;
    }

    private Map<String, String> accessKey(String holder) {
        return AwsClients.accessKey(api, holder, holder);
    }

    private static JsonNode ok(JsonNode result, String call) {
        var outcome = result.at("/" + call);
        assertThat(outcome.at("/ok").asBoolean()).as(call + ": " + outcome).isTrue();
        return outcome.at("/response");
    }

    private static JsonNode find(JsonNode terms, String member) {
        for (var term : terms) {
            if (term.has(member)) {
                return term.get(member);
            }
        }
        throw new AssertionError("no " + member + " in " + terms);
    }

    /**
     * The errors no client input causes come from the simulator's fault control, set over REST as the operator sets
     * it: each faulted call raises the model's class with the status this service answers it with, once.
     */
    @Test
    void theSimulatorsFaultsAreRaisedAsTheModeledExceptions() {
        var acme = UUID.fromString(
                api.get("/api/v1/parties/me", AUTHOR).json().at("/id").asString());
        try {
            var service = "marketplace-agreement";
            AwsClients.fault(api, acme, service, "SearchAgreements", "ThrottlingException", 1);
            AwsClients.fault(api, acme, service, "DescribeAgreement", "InternalServerException", 1);
            AwsClients.fault(api, acme, service, "CreateAgreementRequest", "ServiceQuotaExceededException", 1);
            var outcomes = AwsClients.calls(
                    service,
                    api.baseUrl() + "/aws/agreement",
                    accessKey(AUTHOR),
                    List.of(
                            Map.of("operation", "search_agreements", "params", Map.of("maxResults", 1)),
                            Map.of("operation", "describe_agreement", "params", Map.of("agreementId", "agmt-fault")),
                            Map.of(
                                    "operation",
                                    "create_agreement_request",
                                    "params",
                                    Map.of("intent", "NEW", "requestedTerms", List.of(Map.of("id", "term-fault")))),
                            Map.of("operation", "search_agreements", "params", Map.of("maxResults", 2))));

            assertRaised(outcomes.get(0), "ThrottlingException", 400);
            assertRaised(outcomes.get(1), "InternalServerException", 500);
            assertRaised(outcomes.get(2), "ServiceQuotaExceededException", 402);
            assertThat(outcomes.get(3).at("/ok").asBoolean())
                    .as("a fault of one call is used up: %s", outcomes.get(3))
                    .isTrue();
            assertThat(AGREEMENT.violations(
                            "SearchAgreements",
                            JSON.readTree(outcomes.get(3).at("/raw/body").asString())))
                    .isEmpty();
        } finally {
            // a fault left by a failing call must not fail the classes after this one, which use Acme too
            AwsClients.clearFaults(api, acme);
        }
    }

    /** As {@link AwsClients#assertRaised}, in the Agreement Service's awsJson 1.0 content type. */
    private static void assertRaised(JsonNode outcome, String exception, int status) {
        AwsClients.assertRaised(outcome, exception, status);
        assertThat(outcome.at("/raw/contentType").asString()).isEqualTo("application/x-amz-json-1.0");
    }

    private JsonNode boto3(Map<String, Object> arguments) {
        var all = new HashMap<String, Object>(arguments);
        all.put("endpoint", api.baseUrl() + "/aws/agreement");
        return AwsClients.boto3("agreement.py", all);
    }
}
