package io.offerdesk.commitments;

import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.TestApi;
import io.offerdesk.support.TestApi.Reply;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Parties, products and offers of the commitments tests' own, made through the REST API. */
final class CommitmentFixtures {

    static final String OPERATOR = "operator@offerdesk.example";
    static final String PASSWORD = "commitments-test";

    /** A party of the test's own. */
    record Party(UUID id, String name, String accountId, String admin) {}

    /** One installment of a payment schedule. */
    record Installment(LocalDate date, String amount) {}

    private final TestApi api;

    CommitmentFixtures(TestApi api) {
        this.api = api;
    }

    LocalDate today() {
        return LocalDate.ofInstant(
                Instant.parse(api.get("/api/v1/simulation/clock", OPERATOR)
                        .json()
                        .at("/now")
                        .asString()),
                ZoneOffset.UTC);
    }

    void advanceTo(LocalDate date, int hour) {
        var to = date.atTime(hour, 0).toInstant(ZoneOffset.UTC);
        var advanced = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"to\":\"" + to + "\"}");
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
    }

    /** Onboards a party of the kind with a fresh 12-digit account and an active administrator. */
    Party onboard(String kind, String role) {
        var slug = role + UUID.randomUUID().toString().substring(0, 8);
        var account = "7" + "%011d".formatted(ThreadLocalRandom.current().nextLong(100_000_000_000L));
        var admin = "admin@" + slug + ".example";
        var name = "Commitments " + slug;
        var onboarded = api.post("/api/v1/parties", OPERATOR, """
                {"kind":"%s","name":"%s","accountId":"%s","adminEmail":"%s","adminName":"Ada Admin"}""".formatted(kind, name, account, admin));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        activate(onboarded.json().at("/adminInvitationToken").asString());
        return new Party(UUID.fromString(onboarded.json().at("/party/id").asString()), name, account, admin);
    }

    String invite(Party party, String name, String role) {
        var email = name + "@" + party.admin().substring("admin@".length());
        var invited = api.post("/api/v1/users", party.admin(), """
                {"email":"%s","displayName":"%s","roles":[{"role":"%s"}]}""".formatted(email, name, role));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        activate(invited.json().at("/invitationToken").asString());
        return email;
    }

    private void activate(String token) {
        var accepted =
                api.post("/api/v1/invitations/" + token + "/accept", null, "{\"password\":\"" + PASSWORD + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    /** A product of the seller's of the type (SAAS or PROFESSIONAL_SERVICES), sold by contract. */
    String product(Party seller, String type) {
        var delivery = type.equals("PROFESSIONAL_SERVICES")
                ? "\"delivery\":{\"deliverables\":[\"A plan\"],\"estimatedDuration\":\"2 weeks\"},"
                : "\"fulfillmentUrl\":\"https://seller.example/signup\",";
        var created = api.post("/api/v1/products", seller.admin(), """
                {"type":"%s","title":"%s","shortDescription":"Bought under a spend commitment",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"}],
                 %s
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"1200","currency":"USD"}]}}""".formatted(
                        type, OfferFixtures.unique("Commitment product"), delivery));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }

    /** The seller's released private offer of the product to the buyer, with the schedule, for 24 months. */
    String offer(Party seller, Party buyer, String productId, List<Installment> schedule) {
        var o = "$O.Entity.Identifier";
        var installments = schedule.stream()
                .map(i -> "{\"ChargeDate\":\"%s\",\"ChargeAmount\":\"%s\"}".formatted(i.date(), i.amount()))
                .collect(Collectors.joining(","));
        var changes = List.of(
                change("CreateOffer", null, "O", "{\"ProductId\":\"" + productId + "\"}"),
                change(
                        "UpdateInformation",
                        o,
                        null,
                        "{\"Name\":\"" + OfferFixtures.unique("Commitment offer") + "\",\"Description\":\"EDP\"}"),
                change(
                        "UpdateTargeting",
                        o,
                        null,
                        "{\"PositiveTargeting\":{\"BuyerAccounts\":[\"" + buyer.accountId() + "\"]}}"),
                change("UpdatePricingTerms", o, null, """
                        {"PricingModel":"Contract","Terms":[{"Type":"FixedUpfrontPricingTerm","CurrencyCode":"USD",\
                        "Price":"0.00","Grants":[{"DimensionKey":"analysts","MaxQuantity":10}]}]}"""),
                change(
                        "UpdateValidityTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P24M\"}]}"),
                change(
                        "UpdatePaymentScheduleTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"PaymentScheduleTerm\",\"CurrencyCode\":\"USD\",\"Schedule\":["
                                + installments + "]}]}"),
                change(
                        "UpdateLegalTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":[{\"Type\":\"StandardEula\",\"Version\":\"1.0\"}]}]}"),
                change("UpdateAvailability", o, null, "{\"AvailabilityEndDate\":\"" + today().plusDays(5) + "\"}"),
                change(
                        "UpdateSupportTerms",
                        o,
                        null,
                        "{\"Terms\":[{\"Type\":\"SupportTerm\",\"RefundPolicy\":\"Refunds within 30 days.\"}]}"),
                change("ReleaseOffer", o, null, "{}"));
        var done = api.finishedChangeSet(
                seller.admin(), api.post("/api/v1/change-sets", seller.admin(), OfferFixtures.set(changes)));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    /**
     * A channel partner private offer: the ISV authorizes the partner to resell the product to the buyer at the
     * wholesale installment, and the partner offers it at the buyer's price on the same date, for 14 months.
     */
    String cppo(Party isv, Party partner, Party buyer, String product, LocalDate date, String wholesale, String price) {
        var ra = "$RA.Entity.Identifier";
        var authorization = released(
                isv.admin(),
                List.of(
                        resale("CreateResaleAuthorization", null, "RA", """
                        {"ProductId":"%s","Name":"%s","ResellerAccountId":"%s"}""".formatted(
                                        product, OfferFixtures.unique("Commitment resale"), partner.accountId())),
                        resale("UpdateBuyerTargetingTerms", ra, null, """
                        {"Terms":[{"Type":"BuyerTargetingTerm","PositiveTargeting":{"BuyerAccounts":["%s"]}}]}""".formatted(buyer.accountId())),
                        resale(
                                "UpdateAvailability",
                                ra,
                                null,
                                "{\"AvailabilityEndDate\":\"%s\",\"OffersMaxQuantity\":1}"
                                        .formatted(today().plusDays(2))),
                        resale("UpdateLegalTerms", ra, null, """
                        {"Terms":[{"Type":"BuyerLegalTerm","Documents":[{"Type":"StandardEula",
                          "Url":"https://isv.example/eula.pdf"}]}]}"""),
                        resale("UpdatePricingTerms", ra, null, """
                        {"PricingModel":"Contract","Terms":[{"Type":"ResaleFixedUpfrontPricingTerm","CurrencyCode":"USD",
                          "Price":"0.0","Duration":"P14M","Grants":[{"DimensionKey":"analysts","MaxQuantity":10}]}]}"""),
                        resale(
                                "UpdatePaymentScheduleTerms",
                                ra,
                                null,
                                "{\"Terms\":[{\"Type\":\"ResalePaymentScheduleTerm\",\"CurrencyCode\":\"USD\",\"Schedule\":["
                                        + "{\"ChargeDate\":\"%s\",\"ChargeAmount\":\"%s\"}".formatted(date, wholesale)
                                        + "]}]}"),
                        resale("ReleaseResaleAuthorization", ra, null, "{}")));
        var offerId = released(
                partner.admin(),
                List.of(change(
                        "CreateOfferUsingResaleAuthorization",
                        null,
                        null,
                        "{\"ResaleAuthorizationId\":\"%s\",\"Name\":\"%s\"}"
                                .formatted(authorization, OfferFixtures.unique("Commitment CPPO")))));
        released(
                partner.admin(),
                List.of(
                        change(
                                "UpdatePaymentScheduleTerms",
                                offerId,
                                null,
                                "{\"Terms\":[{\"Type\":\"PaymentScheduleTerm\",\"CurrencyCode\":\"USD\",\"Schedule\":["
                                        + "{\"ChargeDate\":\"%s\",\"ChargeAmount\":\"%s\"}".formatted(date, price)
                                        + "]}]}"),
                        change(
                                "UpdateAvailability",
                                offerId,
                                null,
                                "{\"AvailabilityEndDate\":\"%s\"}".formatted(today().plusDays(1))),
                        change(
                                "UpdateValidityTerms",
                                offerId,
                                null,
                                "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P14M\"}]}"),
                        change("ReleaseOffer", offerId, null, "{}")));
        return offerId;
    }

    private static String resale(String type, @Nullable String identifier, @Nullable String name, String details) {
        return change(type, identifier, name, details).replace("Offer@1.0", "ResaleAuthorization@1.0");
    }

    /** Runs the changes, expects them to succeed and returns the id of the entity the first one made or changed. */
    private String released(String email, List<String> changes) {
        var done = api.finishedChangeSet(email, api.post("/api/v1/change-sets", email, OfferFixtures.set(changes)));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    String accept(String procurement, Party buyer, String offerId) {
        var quote =
                api.post("/api/v1/buyer/agreement-requests", procurement, """
                {"offerId":"%s","accountId":"%s"}""".formatted(offerId, buyer.accountId()));
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var accepted = api.post(
                "/api/v1/buyer/agreement-requests/"
                        + quote.json().at("/agreementRequestId").asString() + "/accept",
                procurement,
                "{\"eulaAcknowledged\":true}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        return accepted.json().at("/agreementId").asString();
    }

    /** Records a commitment and returns its JSON. */
    JsonNode commitment(String email, LocalDate start, String... yearly) {
        var amounts = List.of(yearly).stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(","));
        Reply created = api.post(
                "/api/v1/buyer/commitments", email, """
                {"name":"%s","startDate":"%s","yearlyCommitments":[%s]}""".formatted(OfferFixtures.unique("EDP"), start, amounts));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    static BigDecimal sum(List<Installment> installments) {
        return installments.stream().map(i -> new BigDecimal(i.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
