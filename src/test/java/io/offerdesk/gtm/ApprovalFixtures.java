package io.offerdesk.gtm;

import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.Onboarding;
import io.offerdesk.support.Polls;
import io.offerdesk.support.TestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * A seller of the test's own (so that its approval policy concerns no other test) with an administrator, an offer
 * author, an offer approver and a finance user; a product listed at USD 1200.00 per analyst for 12 months; and drafts
 * for ten analysts priced in twelve equal installments, so that the installment sets the discount (1000.00 is list
 * price, 700.00 is 30 % off).
 */
public final class ApprovalFixtures {

    static final String OPERATOR = CollectionFixtures.OPERATOR;
    static final String PASSWORD = CollectionFixtures.PASSWORD;

    /** The users of one seller. */
    public record Seller(String admin, String author, String approver, String finance, String productId) {}

    private final TestApi api;
    private final OfferFixtures offers;

    public ApprovalFixtures(TestApi api) {
        this.api = api;
        this.offers = new OfferFixtures(api);
    }

    OfferFixtures offers() {
        return offers;
    }

    public Seller seller() {
        var onboarding = new Onboarding(api);
        var seller = onboarding.party("SELLER", "Approvals", "approvals", '8');
        var admin = seller.admin();
        var author = onboarding.invite(admin, seller.email("author"), "OFFER_AUTHOR");
        var approver = onboarding.invite(admin, seller.email("approver"), "OFFER_APPROVER");
        var finance = onboarding.invite(admin, seller.email("finance"), "FINANCE");
        var product = api.post("/api/v1/products", admin, """
                {"type":"SAAS","title":"%s","shortDescription":"Analytics for approval tests",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"}],
                 "fulfillmentUrl":"https://seller.example/signup",
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"1200","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Approvals product")));
        assertThat(product.status()).as(product.body()).isEqualTo(201);
        return new Seller(
                admin, author, approver, finance, product.json().at("/id").asString());
    }

    /** The policy of the acceptance story: 25 % off or more needs the offer approvers, then finance. */
    public JsonNode discountRule(Seller seller) {
        var rule = api.post("/api/v1/approval-policies/rules", seller.admin(), """
                {"name":"Deep discount","condition":"DISCOUNT","threshold":"25","mode":"SEQUENTIAL",
                 "approvers":[{"role":"OFFER_APPROVER"},{"role":"FINANCE"}]}""");
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        return rule.json();
    }

    /** A draft for ten analysts in twelve installments of {@code installment}; returns its offer id. */
    public String draft(Seller seller, String installment) {
        var changes = new ArrayList<>(draftChanges(seller.productId(), installment));
        var done = offers.run(seller.author(), changes);
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    /** The changes of such a draft, {@code $O} being the offer; no release. */
    List<String> draftChanges(String productId, String installment) {
        var today = offers.today();
        var schedule = IntStream.range(0, 12)
                .mapToObj(i -> "{\"ChargeDate\":\"%s\",\"ChargeAmount\":\"%s\"}"
                        .formatted(today.plusDays(10).plusMonths(i), installment))
                .collect(Collectors.joining(","));
        var o = "$O.Entity.Identifier";
        return List.of(
                change("CreateOffer", null, "O", "{\"ProductId\":\"" + productId + "\"}"),
                change("UpdateInformation", o, null, "{\"Name\":\"" + OfferFixtures.unique("Approval") + "\"}"),
                change(
                        "UpdateTargeting",
                        o,
                        null,
                        "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"" + OfferFixtures.GLOBEX_ACCOUNT + "\"]}}"),
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
                                + schedule + "]}]}"),
                change(
                        "UpdateLegalTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":[{\"Type\":\"StandardEula\","
                                + "\"Version\":\"1.0\"}]}]}"),
                change("UpdateAvailability", o, null, "{\"AvailabilityEndDate\":\"" + today.plusDays(5) + "\"}"),
                change(
                        "UpdateSupportTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"SupportTerm\",\"RefundPolicy\":\"Refunds within 30 days.\"}]}"));
    }

    /** Releases the offer in a change set of its own; returns the finished change set. */
    JsonNode release(String email, String offerId) {
        return offers.run(email, List.of(change("ReleaseOffer", offerId, null, "{}")));
    }

    /** Renames the draft: a new revision. */
    JsonNode rename(String email, String offerId) {
        var done = offers.run(
                email,
                List.of(change(
                        "UpdateInformation", offerId, null, "{\"Name\":\"" + OfferFixtures.unique("Renamed") + "\"}")));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done;
    }

    JsonNode overview(String email, String offerId) {
        var overview = api.get("/api/v1/offers/" + offerId + "/approvals", email);
        assertThat(overview.status()).as(overview.body()).isEqualTo(200);
        return overview.json();
    }

    /** Polls the offer's approvals, as a client would, until they show what the test waits for. */
    JsonNode awaitOverview(String email, String offerId, Predicate<JsonNode> until) {
        return Polls.poll(
                        "the approvals of " + offerId + " to show what the test awaits",
                        Duration.ofMillis(25),
                        Duration.ofMinutes(1))
                .until(() -> overview(email, offerId), until);
    }
}
