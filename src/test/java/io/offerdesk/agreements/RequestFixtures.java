package io.offerdesk.agreements;

import static io.offerdesk.agreements.AgreementFixtures.AUTHOR;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX;
import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Agreements for cancellation and payment-request tests: pay-as-you-go ones next to the installment contracts. */
final class RequestFixtures {

    static final String GLOBEX_FINANCE = "finance@globex.example";
    static final String ACME_APPROVER = "approver@acme.example";

    private final TestApi api;
    private final AgreementFixtures agreements;

    RequestFixtures(TestApi api) {
        this.api = api;
        this.agreements = new AgreementFixtures(api);
    }

    AgreementFixtures agreements() {
        return agreements;
    }

    /** Globex's active 12-installment contract for a fresh product; returns the agreement id. */
    String contract() {
        var bought =
                agreements.buy(agreements.installmentOffer(agreements.saasProduct(), AgreementFixtures.GLOBEX_ACCOUNT));
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        return bought.json().at("/agreementId").asString();
    }

    /**
     * Globex's active 12-installment contract with variable payments of up to USD 50,000.00, accepted with the given
     * configuration of the variable payment term (JSON, or null for the default); returns the agreement id.
     */
    String variablePayments(@Nullable String configuration) {
        var changes = new ArrayList<>(agreements
                .offers()
                .privateOffer(
                        agreements.saasProduct(),
                        OfferFixtures.unique("Variable"),
                        AgreementFixtures.GLOBEX_ACCOUNT,
                        null));
        changes.add(changes.size() - 1, change("UpdateVariablePaymentTerms", "$O.Entity.Identifier", null, """
                {"Terms":[{"Type":"VariablePaymentTerm","CurrencyCode":"USD","MaxTotalChargeAmount":"50000.00"}]}"""));
        var offerId = agreements.released(changes);
        var quote = agreements.quote(GLOBEX, offerId, AgreementFixtures.GLOBEX_ACCOUNT);
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        if (configuration != null) {
            var requested = new ArrayList<String>();
            for (var term : quote.json().at("/acceptedTerms")) {
                var variable = term.at("/term/@type").asString().equals("VariablePaymentTerm");
                requested.add("{\"id\":\"%s\",\"configuration\":%s}"
                        .formatted(term.at("/id").asString(), variable ? configuration : "null"));
            }
            quote = agreements.quote(
                    GLOBEX, """
                    {"offerId":"%s","accountId":"%s","requestedTerms":[%s]}""".formatted(offerId, AgreementFixtures.GLOBEX_ACCOUNT, String.join(",", requested)));
            assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        }
        var bought =
                agreements.accept(GLOBEX, quote.json().at("/agreementRequestId").asString());
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        return bought.json().at("/agreementId").asString();
    }

    Reply sendPayment(String agreementId, String email, String name, String amount) {
        return api.post(
                "/api/v1/agreements/" + agreementId + "/payment-requests",
                email,
                "{\"name\":\"%s\",\"description\":\"Work beyond the contract\",\"chargeAmount\":\"%s\"}"
                        .formatted(name, amount));
    }

    /** Acme's pending payment request for the amount; returns its id. */
    String pendingPayment(String agreementId, String amount) {
        var sent = sendPayment(agreementId, AUTHOR, "Extra analysts", amount);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        return sent.json().at("/paymentRequestId").asString();
    }

    /** Globex's active pay-as-you-go agreement for a fresh metered product; returns the agreement id. */
    String payAsYouGo() {
        var product = api.post("/api/v1/products", AUTHOR, """
                {"type":"SAAS","title":"%s","shortDescription":"Metered API for agreement tests",
                 "dimensions":[{"key":"calls","name":"Calls","unit":"Requests","type":"METERED"}],
                 "fulfillmentUrl":"https://acme.example/signup",
                 "publicOffer":{"pricingModels":["USAGE"],
                   "prices":[{"model":"USAGE","dimensionKey":"calls","amount":"0.01","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Metered product")));
        assertThat(product.status()).as(product.body()).isEqualTo(201);
        var o = "$O.Entity.Identifier";
        var offerId = agreements.released(List.of(
                change(
                        "CreateOffer",
                        null,
                        "O",
                        "{\"ProductId\":\"" + product.json().at("/id").asString() + "\"}"),
                change(
                        "UpdateInformation",
                        o,
                        null,
                        "{\"Name\":\"" + OfferFixtures.unique("PAYG") + "\",\"Description\":\"Usage\"}"),
                change(
                        "UpdateTargeting",
                        o,
                        null,
                        "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"" + AgreementFixtures.GLOBEX_ACCOUNT + "\"]}}"),
                change("UpdatePricingTerms", o, null, """
                        {"PricingModel":"Usage","Terms":[{"Type":"UsageBasedPricingTerm","CurrencyCode":"USD",\
                        "RateCards":[{"RateCard":[{"DimensionKey":"calls","Price":"0.01"}]}]}]}"""),
                change(
                        "UpdateLegalTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":[{\"Type\":\"StandardEula\",\"Version\":\"1.0\"}]}]}"),
                change(
                        "UpdateAvailability",
                        o,
                        null,
                        "{\"AvailabilityEndDate\":\""
                                + agreements.offers().today().plusDays(5) + "\"}"),
                change("ReleaseOffer", o, null, "{}")));
        var bought = agreements.buy(offerId);
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        return bought.json().at("/agreementId").asString();
    }

    Reply agreement(String agreementId) {
        return api.get("/api/v1/agreements/" + agreementId, AUTHOR);
    }

    Reply sendCancellation(String agreementId, String email, String reasonCode) {
        return api.post(
                "/api/v1/agreements/" + agreementId + "/cancellation-requests",
                email,
                "{\"reasonCode\":\"" + reasonCode + "\",\"description\":\"Set up by mistake\"}");
    }

    /** Acme's pending cancellation request for the agreement; returns its id. */
    String pendingCancellation(String agreementId) {
        var sent = sendCancellation(agreementId, AUTHOR, "TEST_AGREEMENT");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        return sent.json().at("/agreementCancellationRequestId").asString();
    }

    Reply act(String kind, String requestId, String action, String email, String body) {
        return api.post("/api/v1/" + kind + "/" + requestId + "/" + action, email, body);
    }

    static String code(Reply reply) {
        return reply.json().at("/errors/0/code").isMissingNode()
                ? reply.json().at("/code").asString()
                : reply.json().at("/errors/0/code").asString();
    }
}
