package io.offerdesk.agreements;

import static io.offerdesk.agreements.AgreementFixtures.AUTHOR;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.offers.OfferFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementStatus.Replaced;
import io.offerdesk.agreements.internal.AgreementRepository;
import io.offerdesk.offers.OfferFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Replacement (agreement-based) offers end to end, on the simulated clock: a buyer pays some installments, the seller
 * replaces the agreement with a new schedule, the buyer accepts, and the old agreement's invoices stand while its
 * charges not yet invoiced are cancelled.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 4)
@EndToEndTest
class AgreementReplacementTests {

    static final String OPERATOR = "operator@offerdesk.example";
    static final String NIMBUS = OfferFixtures.NIMBUS;

    @Autowired
    TestApi api;

    @Autowired
    AgreementRepository repository;

    AgreementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AgreementFixtures(api);
    }

    @Test
    void replacesTheAgreementCancellingOnlyTheInstallmentsNotYetInvoiced() {
        var oldId = boughtInstallmentAgreement(fixtures.saasProduct());
        // The installments fall 10 days from now and monthly after: 75 days later three of them are due.
        var advanced = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"by\":\"P75D\"}");
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
        var before = agreement(oldId, AUTHOR);
        assertThat(states(before))
                .containsExactly(
                        "DUE",
                        "DUE",
                        "DUE",
                        "SCHEDULED",
                        "SCHEDULED",
                        "SCHEDULED",
                        "SCHEDULED",
                        "SCHEDULED",
                        "SCHEDULED",
                        "SCHEDULED",
                        "SCHEDULED",
                        "SCHEDULED");

        var offerId = createReplacement(oldId);
        var draft = api.get("/api/v1/offers/" + offerId, AUTHOR).json();
        assertThat(draft.toString()).contains("\"AgreementId\":\"" + oldId + "\"");
        var today = new OfferFixtures(api).today();
        var withDuration =
                releaseReplacement(offerId, today, "{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P12M\"}");
        assertThat(withDuration.at("/status").asString()).isEqualTo("FAILED");
        assertThat(withDuration.toString()).contains("MISSING_AGREEMENT_END_DATE");
        var released = releaseReplacement(
                offerId,
                today,
                "{\"Type\":\"ValidityTerm\",\"AgreementEndDate\":\"%s\"}".formatted(today.plusMonths(12)));
        assertThat(released.at("/status").asString()).as(released.toString()).isEqualTo("SUCCEEDED");

        var buyerView = new SignedInSession(api, GLOBEX, "offerdesk-demo").get("/buyer/offers/" + offerId);
        assertThat(buyerView.statusCode()).isEqualTo(200);
        assertThat(new String(buyerView.body(), StandardCharsets.UTF_8))
                .contains("offer-replaces")
                .contains(oldId);
        var asNew = fixtures.quote(
                GLOBEX,
                "{\"offerId\":\"%s\",\"accountId\":\"%s\",\"intent\":\"NEW\"}".formatted(offerId, GLOBEX_ACCOUNT));
        assertThat(asNew.status()).as(asNew.body()).isEqualTo(422);
        assertThat(asNew.json().at("/errors/0/code").asString()).isEqualTo("agreement.INVALID_INTENT");

        var quote = fixtures.quote(GLOBEX, offerId, GLOBEX_ACCOUNT);
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        assertThat(quote.json().at("/intent").asString()).isEqualTo("REPLACE");
        assertThat(quote.json().at("/sourceAgreementId").asString()).isEqualTo(oldId);
        var accepted =
                fixtures.accept(GLOBEX, quote.json().at("/agreementRequestId").asString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);

        var newId = accepted.json().at("/agreementId").asString();
        var now = Instant.parse(
                api.get("/api/v1/simulation/clock", OPERATOR).json().at("/now").asString());
        assertThat(accepted.json().at("/status").asString()).isEqualTo("ACTIVE");
        assertThat(accepted.json().at("/initialAgreementId").asString()).isEqualTo(oldId);
        assertThat(Instant.parse(accepted.json().at("/startTime").asString()))
                .isEqualTo(Instant.parse(accepted.json().at("/acceptanceTime").asString()))
                .isBeforeOrEqualTo(now);
        var after = agreement(oldId, GLOBEX);
        assertThat(after.at("/status").asString()).isEqualTo("REPLACED");
        assertThat(after.at("/endTimeBehavior/type").asString()).isEqualTo("REPLACE");
        assertThat(states(after))
                .containsExactly(
                        "DUE",
                        "DUE",
                        "DUE",
                        "CANCELLED",
                        "CANCELLED",
                        "CANCELLED",
                        "CANCELLED",
                        "CANCELLED",
                        "CANCELLED",
                        "CANCELLED",
                        "CANCELLED",
                        "CANCELLED");
        assertThat(repository.find(new AgreementId(oldId)).orElseThrow().status())
                .isInstanceOfSatisfying(
                        Replaced.class,
                        replaced -> assertThat(replaced.replacement().value()).isEqualTo(newId));

        // A replaced agreement is no longer active, so it cannot be replaced again.
        var again = api.finishedChangeSet(AUTHOR, startReplacement(oldId, AUTHOR));
        assertThat(again.at("/status").asString()).isEqualTo("FAILED");
        assertThat(again.at("/changeSet/0/errorDetailList/0/code").asString()).isEqualTo("INCOMPATIBLE_AGREEMENT");
    }

    @Test
    void anotherSellerCannotReplaceTheAgreement() {
        var agreementId = boughtInstallmentAgreement(fixtures.saasProduct());

        var byAction = startReplacement(agreementId, NIMBUS);
        var byChangeSet = api.finishedChangeSet(
                NIMBUS,
                api.post(
                        "/api/v1/change-sets",
                        NIMBUS,
                        OfferFixtures.set(List.of(change(
                                "CreateReplacementOffer", null, null, "{\"AgreementId\":\"" + agreementId + "\"}")))));

        assertThat(byAction.status()).as(byAction.body()).isEqualTo(404);
        assertThat(byChangeSet.at("/status").asString()).isEqualTo("FAILED");
        assertThat(byChangeSet.at("/changeSet/0/errorDetailList/0/code").asString())
                .isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(byChangeSet.at("/changeSet/0/errorDetailList/0/message").asString())
                .contains(agreementId);
        assertThat(agreement(agreementId, AUTHOR).at("/status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void refusesToReplaceAnAgreementForAProductThatIsNotSaas() {
        var agreementId = boughtInstallmentAgreement(servicesProduct());

        var refused = api.finishedChangeSet(AUTHOR, startReplacement(agreementId, AUTHOR));

        assertThat(refused.at("/status").asString()).isEqualTo("FAILED");
        assertThat(refused.at("/changeSet/0/errorDetailList/0/code").asString()).isEqualTo("INCOMPATIBLE_PRODUCT");
    }

    @Test
    void refusesToQuoteAnOrdinaryOfferAsAReplacement() {
        var product = fixtures.saasProduct();
        var agreementId = boughtInstallmentAgreement(product);
        var ordinary = fixtures.installmentOffer(product, GLOBEX_ACCOUNT);

        var quote = fixtures.quote(
                GLOBEX,
                "{\"offerId\":\"%s\",\"accountId\":\"%s\",\"intent\":\"REPLACE\",\"sourceAgreementId\":\"%s\"}"
                        .formatted(ordinary, GLOBEX_ACCOUNT, agreementId));

        assertThat(quote.status()).as(quote.body()).isEqualTo(422);
        assertThat(quote.json().at("/errors/0/code").asString()).isEqualTo("agreement.INVALID_INTENT");
    }

    private String boughtInstallmentAgreement(String product) {
        var bought = fixtures.buy(fixtures.installmentOffer(product, GLOBEX_ACCOUNT));
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        return bought.json().at("/agreementId").asString();
    }

    private TestApi.Reply startReplacement(String agreementId, String seller) {
        return api.post(
                "/api/v1/agreements/" + agreementId + "/replacement-offer",
                seller,
                "{\"name\":\"%s\"}".formatted(OfferFixtures.unique("Replacement")));
    }

    private String createReplacement(String agreementId) {
        var done = api.finishedChangeSet(AUTHOR, startReplacement(agreementId, AUTHOR));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    /** Sets the replacement's terms, with a new six-installment schedule, and releases it. */
    private JsonNode releaseReplacement(String offerId, LocalDate today, String validityTerm) {
        var schedule = IntStream.range(0, 6)
                .mapToObj(i -> "{\"ChargeDate\":\"%s\",\"ChargeAmount\":\"1500.00\"}"
                        .formatted(today.plusDays(10).plusMonths(i)))
                .collect(Collectors.joining(","));
        return fixtures.offers()
                .run(
                        AUTHOR,
                        List.of(
                                change(
                                        "UpdateInformation",
                                        offerId,
                                        null,
                                        "{\"Description\":\"More analysts, new schedule\"}"),
                                change("UpdatePricingTerms", offerId, null, """
                                        {"PricingModel":"Contract","Terms":[{"Type":"FixedUpfrontPricingTerm",\
                                        "CurrencyCode":"USD","Price":"0.00",\
                                        "Grants":[{"DimensionKey":"analysts","MaxQuantity":20}]}]}"""),
                                change("UpdateValidityTerms", offerId, null, "{\"Terms\":[" + validityTerm + "]}"),
                                change(
                                        "UpdatePaymentScheduleTerms",
                                        offerId,
                                        null,
                                        "{\"Terms\":[{\"Type\":\"PaymentScheduleTerm\",\"CurrencyCode\":\"USD\","
                                                + "\"Schedule\":[" + schedule + "]}]}"),
                                change(
                                        "UpdateLegalTerms",
                                        offerId,
                                        null,
                                        "{\"Terms\":[{\"Type\":\"LegalTerm\",\"Documents\":[{\"Type\":\"StandardEula\","
                                                + "\"Version\":\"1.0\"}]}]}"),
                                change(
                                        "UpdateAvailability",
                                        offerId,
                                        null,
                                        "{\"AvailabilityEndDate\":\"" + today.plusDays(5) + "\"}"),
                                change("ReleaseOffer", offerId, null, "{}")));
    }

    private JsonNode agreement(String id, String email) {
        var read = api.get("/api/v1/agreements/" + id, email);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    private static List<String> states(JsonNode agreement) {
        var states = new java.util.ArrayList<String>();
        agreement
                .at("/charges")
                .forEach(charge -> states.add(charge.at("/state").asString()));
        return states;
    }

    /** A professional-services product of Acme's, sold by contract like the SaaS one. */
    private String servicesProduct() {
        var created = api.post("/api/v1/products", AUTHOR, """
                {"type":"PROFESSIONAL_SERVICES","title":"%s","shortDescription":"Onboarding for agreement tests",
                 "dimensions":[{"key":"analysts","name":"Analysts","unit":"Users","type":"ENTITLED"}],
                 "delivery":{"deliverables":["A plan"],"estimatedDuration":"2 weeks"},
                 "publicOffer":{"pricingModels":["CONTRACT"],
                   "prices":[{"model":"CONTRACT","dimensionKey":"analysts","durationMonths":12,"amount":"1200","currency":"USD"}]}}""".formatted(OfferFixtures.unique("Services product")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/id").asString();
    }
}
