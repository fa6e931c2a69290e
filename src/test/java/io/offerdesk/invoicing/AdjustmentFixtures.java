package io.offerdesk.invoicing;

import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.CollectionFixtures.Buyer;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.offers.ResaleOfferFixtures;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Invoices to adjust, issued as a client would get them: a buyer of the test's own accepts Acme's private offer of a
 * fresh product with one charge due at once, or Globex accepts Northwind's CPPO of a fresh Acme product, and the clock
 * moves a minute so that the invoicing run issues the invoice.
 */
final class AdjustmentFixtures {

    static final String ACME_FINANCE = "finance@acme.example";
    static final String NIMBUS = OfferFixtures.NIMBUS;
    static final String OPERATOR = CollectionFixtures.OPERATOR;
    /** A country with a tax rate of 25% that these tests give their buyers. */
    static final String TAXED_COUNTRY = "SE";

    /**
     * An agreement and the invoice that billed it.
     *
     * @param buyer the test's own buyer; absent for Globex, the demo buyer every test shares
     */
    record Invoiced(@Nullable Buyer buyer, String agreementId, String invoiceId) {

        Buyer ownBuyer() {
            return java.util.Objects.requireNonNull(buyer);
        }
    }

    private record Bought(Buyer buyer, String agreementId) {}

    private final TestApi api;
    private final CollectionFixtures collections;
    private final ResaleOfferFixtures resale;

    AdjustmentFixtures(TestApi api, JdbcClient jdbc) {
        this.api = api;
        this.collections = new CollectionFixtures(api, jdbc);
        this.resale = new ResaleOfferFixtures(api);
    }

    CollectionFixtures collections() {
        return collections;
    }

    /** Buyers of their own, taxed at 25%, who each accepted an offer of the amount; their invoices issued. */
    List<Invoiced> invoiced(List<String> amounts) {
        var rate = api.put("/api/v1/invoicing/tax-rates/" + TAXED_COUNTRY, OPERATOR, "{\"ratePercent\":25}");
        assertThat(rate.status()).as(rate.body()).isEqualTo(200);
        var bought = amounts.stream()
                .map(amount -> {
                    var buyer = collections.buyer();
                    var profile = api.put(
                            "/api/v1/invoicing/billing-profiles/" + buyer.partyId(),
                            OPERATOR,
                            "{\"country\":\"" + TAXED_COUNTRY + "\"}");
                    assertThat(profile.status()).as(profile.body()).isEqualTo(200);
                    return new Bought(buyer, collections.buy(buyer, offerDueAtOnce(buyer.accountId(), amount)));
                })
                .toList();
        issue();
        return bought.stream()
                .map(b -> new Invoiced(
                        b.buyer(),
                        b.agreementId(),
                        collections.invoicesOf(b.agreementId()).getFirst()))
                .toList();
    }

    /**
     * Globex's agreement of Northwind's CPPO of a fresh Acme product: 20% off the list price of USD 1,200.00 for twelve
     * months, marked up 8%, so Globex pays 1,036.80 at once and Acme's wholesale part is 960.00; its invoice issued.
     */
    Invoiced resold() {
        var authorization =
                resale.discountAuthorization(collections.agreements().saasProduct(), "20");
        var offerId = resale.cppoDraft(authorization, "8", false);
        resale.succeeded(ResaleOfferFixtures.PARTNER, List.of(change("ReleaseOffer", offerId, null, "{}")));
        var quote = collections.agreements().quote(OfferFixtures.GLOBEX, """
                        {"offerId":"%s","accountId":"%s","selectorValue":"P12M","dimensions":{"analysts":1}}""".formatted(
                        offerId, OfferFixtures.GLOBEX_ACCOUNT));
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var accepted = collections
                .agreements()
                .accept(
                        OfferFixtures.GLOBEX,
                        quote.json().at("/agreementRequestId").asString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        var agreementId = accepted.json().at("/agreementId").asString();
        issue();
        return new Invoiced(
                null, agreementId, collections.invoicesOf(agreementId).getFirst());
    }

    /** Moves the clock a minute: the invoicing run issues every invoice due by then. */
    void issue() {
        collections.advanceTo(collections.now().plusSeconds(60));
    }

    /**
     * Acme's private offer of a fresh product for the account: one charge of the amount, dated today, so it is due when
     * the offer is accepted.
     */
    String offerDueAtOnce(String account, String amount) {
        var today = collections.today();
        var o = "$O.Entity.Identifier";
        return collections
                .agreements()
                .released(List.of(
                        change(
                                "CreateOffer",
                                null,
                                "O",
                                "{\"ProductId\":\"" + collections.agreements().saasProduct() + "\"}"),
                        change(
                                "UpdateInformation",
                                o,
                                null,
                                "{\"Name\":\"" + OfferFixtures.unique("Refundable")
                                        + "\",\"Description\":\"Paid at once\"}"),
                        change(
                                "UpdateTargeting",
                                o,
                                null,
                                "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"" + account + "\"]}}"),
                        change("UpdatePricingTerms", o, null, """
                                {"PricingModel":"Contract","Terms":[{"Type":"FixedUpfrontPricingTerm","CurrencyCode":"USD",\
                                "Price":"0.00","Grants":[{"DimensionKey":"analysts","MaxQuantity":10}]}]}"""),
                        change(
                                "UpdateValidityTerms",
                                o,
                                null,
                                "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P12M\"}]}"),
                        change(
                                "UpdatePaymentScheduleTerms",
                                o,
                                null,
                                "{\"Terms\":[{\"Type\":\"PaymentScheduleTerm\",\"CurrencyCode\":\"USD\",\"Schedule\":["
                                        + "{\"ChargeDate\":\"" + today + "\",\"ChargeAmount\":\"" + amount + "\"}]}]}"),
                        change(
                                "UpdateLegalTerms",
                                o,
                                null,
                                "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":[{\"Type\":\"StandardEula\",\"Version\":\"1.0\"}]}]}"),
                        change(
                                "UpdateAvailability",
                                o,
                                null,
                                "{\"AvailabilityEndDate\":\"" + today.plusDays(5) + "\"}"),
                        change(
                                "UpdateSupportTerms",
                                o,
                                null,
                                "{\"Terms\":[{\"Type\":\"SupportTerm\",\"RefundPolicy\":\"Refunds within 30 days.\"}]}"),
                        change("ReleaseOffer", o, null, "{}")));
    }

    /** An entry of a batch as JSON. */
    static String entry(Invoiced invoiced, String amount, String reason, String token) {
        return """
                {"agreementId":"%s","originalInvoiceId":"%s","adjustmentAmount":"%s","currencyCode":"USD",
                 "adjustmentReasonCode":"%s","clientToken":"%s","description":"Refund for test"}""".formatted(invoiced.agreementId(), invoiced.invoiceId(), amount, reason, token);
    }

    static String token() {
        return "t-" + UUID.randomUUID();
    }

    Reply batch(String email, String... entries) {
        return api.post(
                "/api/v1/billing-adjustment-requests",
                email,
                "{\"billingAdjustmentRequestEntries\":[" + String.join(",", entries) + "]}");
    }

    /** Requests the refund as Acme's finance user and returns the request as it is afterwards. */
    JsonNode refund(Invoiced invoiced, String amount) {
        var created = batch(ACME_FINANCE, entry(invoiced, amount, "BUYER_DISSATISFACTION", token()));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().at("/errors")).as(created.body()).isEmpty();
        return request(
                        ACME_FINANCE,
                        created.json().at("/items/0/billingAdjustmentRequestId").asString())
                .json();
    }

    Reply request(String email, String requestId) {
        return api.get("/api/v1/billing-adjustment-requests/" + requestId, email);
    }
}
