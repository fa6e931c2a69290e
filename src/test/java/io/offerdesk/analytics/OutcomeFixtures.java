package io.offerdesk.analytics;

import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.Onboarding;
import io.offerdesk.support.TestApi;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the offer analytics tests sell, as clients would: a seller of their own (so that its analytics hold nothing but
 * the test's offers) with an administrator, an offer author and a finance user; a fresh product for every offer (a
 * buyer account holds one agreement per product); private installment, upfront and CPPO offers.
 */
final class OutcomeFixtures {

    static final String OPERATOR = CollectionFixtures.OPERATOR;
    static final String PASSWORD = CollectionFixtures.PASSWORD;

    /** The channel partner of the demo, which resells the fresh seller's products. */
    static final String PARTNER = CollectionFixtures.PARTNER;

    static final String PARTNER_ACCOUNT = "300000000001";

    static final byte[] PDF = "%PDF-1.4\n% Analytics EULA\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    record Seller(UUID partyId, String admin, String author, String finance) {}

    private final TestApi api;
    private final OfferFixtures offers;

    OutcomeFixtures(TestApi api) {
        this.api = api;
        this.offers = new OfferFixtures(api);
    }

    LocalDate today() {
        return offers.today();
    }

    Seller seller() {
        var onboarding = new Onboarding(api);
        var seller = onboarding.party("SELLER", "Outcomes", "outcomes", '8');
        var author = onboarding.invite(seller.admin(), seller.email("author"), "OFFER_AUTHOR");
        var finance = onboarding.invite(seller.admin(), seller.email("finance"), "FINANCE");
        return new Seller(seller.partyId(), seller.admin(), author, finance);
    }

    String product(Seller seller) {
        var product =
                api.post("/api/v1/products", seller.admin(), """
                {"type":"SAAS","title":"%s","shortDescription":"Analytics for outcome tests",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"}],
                 "fulfillmentUrl":"https://seller.example/signup",
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"1200","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Outcomes product")));
        assertThat(product.status()).as(product.body()).isEqualTo(201);
        return product.json().at("/id").asString();
    }

    /** A custom EULA the seller uploaded; its URL goes into a {@code CustomEula} legal document. */
    String customEula(Seller seller) {
        var uploaded = api.send(api.request("/api/v1/eula-documents?fileName=outcomes-eula.pdf", seller.author())
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(PDF)));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        return "https://offerdesk.example" + uploaded.json().at("/url").asString();
    }

    /**
     * The changes of a private offer for ten analysts, twelve months, to the account, expiring {@code expiryDays} from
     * today: paid in installments of the amounts (monthly, the first {@code firstChargeDays} from today; one amount is
     * paid up front); under the standard contract, or the custom EULA at {@code eulaUrl} when it is not empty.
     */
    List<String> offer(
            String productId,
            String account,
            int expiryDays,
            List<String> installments,
            int firstChargeDays,
            String eulaUrl,
            boolean release) {
        var today = today();
        var o = "$O.Entity.Identifier";
        var changes = new ArrayList<String>();
        changes.add(change("CreateOffer", null, "O", "{\"ProductId\":\"" + productId + "\"}"));
        changes.add(change("UpdateInformation", o, null, "{\"Name\":\"" + OfferFixtures.unique("Outcome") + "\"}"));
        changes.add(change(
                "UpdateTargeting", o, null, "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"" + account + "\"]}}"));
        changes.add(change("UpdatePricingTerms", o, null, """
                {"PricingModel":"Contract","Terms":[{"Type":"FixedUpfrontPricingTerm","CurrencyCode":"USD",\
                "Price":"0.00","Grants":[{"DimensionKey":"analysts","MaxQuantity":10}]}]}"""));
        changes.add(change(
                "UpdateValidityTerms",
                o,
                null,
                "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P12M\"}]}"));
        var schedule = IntStream.range(0, installments.size())
                .mapToObj(i -> "{\"ChargeDate\":\"%s\",\"ChargeAmount\":\"%s\"}"
                        .formatted(today.plusDays(firstChargeDays).plusMonths(i), installments.get(i)))
                .collect(Collectors.joining(","));
        changes.add(change(
                "UpdatePaymentScheduleTerms",
                o,
                null,
                "{\"Terms\":[{\"Type\":\"PaymentScheduleTerm\",\"CurrencyCode\":\"USD\",\"Schedule\":[" + schedule
                        + "]}]}"));
        var legal = eulaUrl.isEmpty()
                ? "{\"Type\":\"StandardEula\",\"Version\":\"1.0\"}"
                : "{\"Type\":\"CustomEula\",\"Url\":\"" + eulaUrl + "\"}";
        changes.add(change(
                "UpdateLegalTerms", o, null, "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":[" + legal + "]}]}"));
        changes.add(change(
                "UpdateAvailability", o, null, "{\"AvailabilityEndDate\":\"" + today.plusDays(expiryDays) + "\"}"));
        changes.add(change(
                "UpdateSupportTerms",
                o,
                null,
                "{\"Terms\":[{\"Type\":\"SupportTerm\",\"RefundPolicy\":\"Refunds within 30 days.\"}]}"));
        if (release) {
            changes.add(change("ReleaseOffer", o, null, "{}"));
        }
        return changes;
    }

    /** Runs the changes as the email, expects them to succeed and returns the id of the entity the first one made. */
    String run(String email, List<String> changes) {
        var done = offers.run(email, changes);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    /**
     * The partner's CPPO of the seller's product for the account, marked up 10 % on wholesale installments of 1,000.00
     * (in forty days) and 500.00 (in seventy), released and expiring {@code expiryDays} from today. Returns its id.
     */
    String resoldOffer(Seller seller, String productId, String account, int expiryDays) {
        var today = today();
        var ra = "$RA.Entity.Identifier";
        var authorization = run(
                seller.author(),
                List.of(
                        authorizationChange("CreateResaleAuthorization", null, "RA", """
                        {"ProductId":"%s","Name":"%s","ResellerAccountId":"%s"}""".formatted(
                                        productId, OfferFixtures.unique("Outcomes resale"), PARTNER_ACCOUNT)),
                        authorizationChange("UpdateBuyerTargetingTerms", ra, null, """
                        {"Terms":[{"Type":"BuyerTargetingTerm","PositiveTargeting":{"BuyerAccounts":["%s"]}}]}""".formatted(account)),
                        authorizationChange(
                                "UpdateAvailability",
                                ra,
                                null,
                                "{\"AvailabilityEndDate\":\"%s\",\"OffersMaxQuantity\":1}"
                                        .formatted(today.plusDays(30))),
                        authorizationChange("UpdateLegalTerms", ra, null, """
                        {"Terms":[{"Type":"BuyerLegalTerm","Documents":[{"Type":"StandardEula",
                          "Url":"https://seller.example/eula.pdf"}]}]}"""),
                        authorizationChange("UpdatePricingTerms", ra, null, """
                        {"PricingModel":"Contract","Terms":[{"Type":"ResaleFixedUpfrontPricingTerm","CurrencyCode":"USD",
                          "Price":"0.0","Duration":"P12M","Grants":[{"DimensionKey":"analysts","MaxQuantity":10}]}]}"""),
                        authorizationChange("UpdatePaymentScheduleTerms", ra, null, """
                        {"Terms":[{"Type":"ResalePaymentScheduleTerm","CurrencyCode":"USD","Schedule":[
                          {"ChargeDate":"%s","ChargeAmount":"1000.00"},{"ChargeDate":"%s","ChargeAmount":"500.00"}]}]}""".formatted(
                                        today.plusDays(40), today.plusDays(70))),
                        authorizationChange("ReleaseResaleAuthorization", ra, null, "{}")));
        var offerId = run(
                PARTNER,
                List.of(change(
                        "CreateOfferUsingResaleAuthorization",
                        null,
                        null,
                        "{\"ResaleAuthorizationId\":\"%s\",\"Name\":\"%s\"}"
                                .formatted(authorization, OfferFixtures.unique("Outcomes resold")))));
        run(
                PARTNER,
                List.of(
                        change("UpdateMarkup", offerId, null, "{\"Percentage\":\"10\"}"),
                        change(
                                "UpdateAvailability",
                                offerId,
                                null,
                                "{\"AvailabilityEndDate\":\"%s\"}".formatted(today.plusDays(expiryDays))),
                        change(
                                "UpdateValidityTerms",
                                offerId,
                                null,
                                "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P12M\"}]}"),
                        change("ReleaseOffer", offerId, null, "{}")));
        return offerId;
    }

    /** The buyer opens the offer through the buyer API, which records its first view. */
    void view(String email, String offerId) {
        var opened = api.get("/api/v1/buyer/offers/" + offerId, email);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    }

    JsonNode outcomes(String email, String range) {
        var report = api.get("/api/v1/analytics/outcomes?" + range, email);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return report.json();
    }

    /**
     * Polls the outcomes, as a client would, until the read model (built after the events' transactions, by the
     * outbox) shows what the test waits for; fails with the last report otherwise.
     */
    JsonNode awaitOutcomes(String email, String range, Predicate<JsonNode> until) {
        @Nullable JsonNode last = null;
        for (int i = 0; i < 400; i++) {
            last = outcomes(email, range);
            if (until.test(last)) {
                return last;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the outcomes never showed what was awaited: " + last);
    }

    private static String authorizationChange(
            String type, @Nullable String identifier, @Nullable String name, String details) {
        return change(type, identifier, name, details).replace("Offer@1.0", "ResaleAuthorization@1.0");
    }
}
