package io.offerdesk.offers;

import static io.offerdesk.offers.OfferFixtures.GLOBEX;
import static io.offerdesk.offers.OfferFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.offers.OfferFixtures.change;
import static io.offerdesk.offers.ResaleOfferFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Channel partner private offers end to end through the change-set API: Acme authorizes Northwind to resell a fresh
 * SaaS product to Globex with two wholesale installments (1000.00 and 333.33 USD); Northwind makes offers from the
 * authorization, marks them up, releases them, and replaces the agreement one of them made.
 */
// Moves the shared simulated clock forward (an authorization expires): runs after the tests that do not.
@Order(Order.DEFAULT + 7)
@EndToEndTest
class ChannelPartnerOfferTests {

    static final String ISV = ResaleOfferFixtures.ISV;
    static final String PARTNER = ResaleOfferFixtures.PARTNER;
    static final String OPERATOR = "operator@offerdesk.example";

    @Autowired
    TestApi api;

    AgreementFixtures agreements;
    OfferFixtures offers;
    ResaleOfferFixtures resale;

    @BeforeEach
    void fixtures() {
        agreements = new AgreementFixtures(api);
        offers = agreements.offers();
        resale = new ResaleOfferFixtures(api);
    }

    @Test
    void aSingleUseAuthorizationIsConsumedByTheFirstOfferCreatedFromIt() {
        var authorization = resale.authorization(agreements.saasProduct(), 30);

        var first = offers.run(PARTNER, List.of(create(authorization)));
        var second = offers.run(PARTNER, List.of(create(authorization)));

        assertThat(first.at("/status").asString()).as(first.toString()).isEqualTo("SUCCEEDED");
        assertThat(codes(second)).containsExactly("INCOMPATIBLE_RESALE_AUTHORIZATION");
        var shared = api.get("/api/v1/shared-resale-authorizations/" + authorization, PARTNER)
                .json();
        assertThat(shared.toString()).contains("Completed-Used");
    }

    @Test
    void theCppoInheritsTheWholesaleTermsIsMarkedUpAndTheManufacturerNeverSeesIt() {
        var authorization = resale.authorization(agreements.saasProduct(), 30);

        var offerId = released(authorization, "8");

        var offer = api.get("/api/v1/offers/" + offerId, PARTNER).json().at("/offer");
        assertThat(offer.at("/state").asString()).isEqualTo("Released");
        var details = offer.at("/details");
        assertThat(details.at("/ResaleAuthorizationId").asString()).isEqualTo(authorization);
        assertThat(details.at("/MarkupPercentage").asString()).isEqualTo("8");
        assertThat(schedule(details)).containsExactly("1080.00", "360.00");
        assertThat(details.at("/Rules").toString()).contains(GLOBEX_ACCOUNT);
        assertThat(api.get("/api/v1/offers/" + offerId, ISV).status()).isEqualTo(404);
    }

    @Test
    void aBuyerPriceBelowWholesaleIsRefused() {
        var authorization = resale.authorization(agreements.saasProduct(), 30);
        var offerId = id(resale.succeeded(PARTNER, List.of(create(authorization))));
        var today = offers.today();

        var cheaper = offers.run(PARTNER, List.of(change("UpdatePaymentScheduleTerms", offerId, null, """
                        {"Terms":[{"Type":"PaymentScheduleTerm","CurrencyCode":"USD","Schedule":[
                          {"ChargeDate":"%s","ChargeAmount":"1000.00"},{"ChargeDate":"%s","ChargeAmount":"300.00"}]}]}""".formatted(
                        today.plusDays(40), today.plusDays(70)))));

        assertThat(codes(cheaper)).containsExactly("INVALID_CHARGE_AMOUNT");
        assertThat(cheaper.at("/changeSet/0/errorDetailList/0/message").asString())
                .contains(today.plusDays(70).toString(), "300.00", "333.33");
        var unchanged = api.get("/api/v1/offers/" + offerId, PARTNER).json().at("/offer/details");
        assertThat(schedule(unchanged)).containsExactly("1000.00", "333.33");
    }

    @Test
    void aRestrictedAuthorizationMakesNoNewOfferWhileOneAlreadyMadeIsStillUpdatedAndReleased() {
        var restrictable = resale.authorization(agreements.saasProduct(), 30);
        var draft = id(resale.succeeded(PARTNER, List.of(create(restrictable))));
        var restricted = offers.run(
                ISV, List.of(ResaleOfferFixtures.raChange("RestrictResaleAuthorization", restrictable, null, "{}")));
        assertThat(restricted.at("/status").asString())
                .as(restricted.toString())
                .isEqualTo("SUCCEEDED");

        var released = offers.run(PARTNER, releaseChanges(draft, "5"));

        assertThat(released.at("/status").asString()).as(released.toString()).isEqualTo("SUCCEEDED");
        // Restricted, and its single use taken: nothing new comes from it.
        assertThat(codes(offers.run(PARTNER, List.of(create(restrictable)))))
                .containsOnly("INCOMPATIBLE_RESALE_AUTHORIZATION");
    }

    @Test
    void anotherPartnerCannotCreateAnOfferFromTheAuthorization() {
        var authorization = resale.authorization(agreements.saasProduct(), 30);
        var otherPartner = onboardPartner();

        var refused = offers.run(otherPartner, List.of(create(authorization)));

        assertThat(codes(refused)).containsExactly("RESOURCE_NOT_FOUND");
        assertThat(api.get("/api/v1/offers?limit=100", otherPartner).json().at("/offers"))
                .isEmpty();
        // Its single use is still there for the partner it was granted to.
        assertThat(offers.run(PARTNER, List.of(create(authorization)))
                        .at("/status")
                        .asString())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void aCppoReplacementKeepsThePartnerAsSellerOfRecord() {
        var product = agreements.saasProduct();
        var offerId = released(resale.authorization(product, 30), "8");
        var bought = agreements.buy(offerId);
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        var agreementId = bought.json().at("/agreementId").asString();
        var renewal = resale.authorization(product, 30);

        var replaced = resale.succeeded(
                PARTNER,
                List.of(change(
                        "CreateReplacementOfferUsingResaleAuthorization",
                        null,
                        null,
                        "{\"ResaleAuthorizationId\":\"%s\",\"AgreementId\":\"%s\",\"Name\":\"Globex renewal\"}"
                                .formatted(renewal, agreementId))));

        var replacement =
                api.get("/api/v1/offers/" + id(replaced), PARTNER).json().at("/offer");
        assertThat(replacement.at("/details/ResaleAuthorizationId").asString()).isEqualTo(renewal);
        assertThat(replacement.toString()).contains("\"AgreementId\":\"" + agreementId + "\"");
        assertThat(replacement.at("/buyerAccounts").toString()).contains(GLOBEX_ACCOUNT);
        assertThat(api.get("/api/v1/offers/" + id(replaced), ISV).status()).isEqualTo(404);
        resale.succeeded(
                PARTNER,
                List.of(
                        change("UpdateMarkup", id(replaced), null, "{\"Percentage\":\"10\"}"),
                        change(
                                "UpdateAvailability",
                                id(replaced),
                                null,
                                "{\"AvailabilityEndDate\":\"%s\"}"
                                        .formatted(offers.today().plusDays(10))),
                        change(
                                "UpdateValidityTerms",
                                id(replaced),
                                null,
                                "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementEndDate\":\"%s\"}]}"
                                        .formatted(offers.today().plusDays(400))),
                        change("ReleaseOffer", id(replaced), null, "{}")));
        var successor = agreements.buy(id(replaced));
        assertThat(successor.status()).as(successor.body()).isEqualTo(201);
        var buyerView = api.get(
                        "/api/v1/agreements/"
                                + successor.json().at("/agreementId").asString(),
                        GLOBEX)
                .json();
        assertThat(buyerView.at("/sellerOfRecord/name").asString()).isEqualTo("Northwind Resellers");
        assertThat(buyerView.at("/publisher/name").asString()).isEqualTo("Acme Analytics");
        assertThat(api.get("/api/v1/agreements/" + agreementId, GLOBEX)
                        .json()
                        .at("/status")
                        .asString())
                .isEqualTo("REPLACED");
        // A CPPO agreement is replaced from an authorization: a plain replacement would drop the wholesale side.
        assertThat(codes(offers.run(
                        PARTNER,
                        List.of(change(
                                "CreateReplacementOffer",
                                null,
                                null,
                                "{\"AgreementId\":\"%s\"}"
                                        .formatted(successor
                                                .json()
                                                .at("/agreementId")
                                                .asString()))))))
                .containsExactly("INCOMPATIBLE_AGREEMENT");
        // Only the partner that proposed the agreement may replace it, even with an authorization of its own.
        assertThat(codes(offers.run(
                        ISV,
                        List.of(change(
                                "CreateReplacementOffer",
                                null,
                                null,
                                "{\"AgreementId\":\"%s\"}".formatted(agreementId))))))
                .containsExactly("RESOURCE_NOT_FOUND");
    }

    @Test
    void aCppoIsClonedFromItsAuthorizationWithItsMarkup() {
        var authorization = resale.discountAuthorization(agreements.saasProduct(), "20");
        var original = resale.cppoDraft(authorization, "8", false);

        var cloned = api.finishedChangeSet(
                PARTNER,
                api.post(
                        "/api/v1/offers/" + original + "/clone",
                        PARTNER,
                        "{\"name\":\"Copy\",\"expireOriginal\":false}"));

        assertThat(cloned.at("/status").asString()).as(cloned.toString()).isEqualTo("SUCCEEDED");
        var copy = api.get("/api/v1/offers/" + id(cloned), PARTNER).json().at("/offer/details");
        assertThat(copy.at("/ResaleAuthorizationId").asString()).isEqualTo(authorization);
        assertThat(copy.at("/MarkupPercentage").asString()).isEqualTo("8");
        var originalDetails =
                api.get("/api/v1/offers/" + original, PARTNER).json().at("/offer/details");
        assertThat(rateCards(copy)).isEqualTo(rateCards(originalDetails)).contains("1036.8");
    }

    private static String rateCards(JsonNode details) {
        return details.at("/Terms")
                .valueStream()
                .filter(term -> term.at("/Type").asString().equals("ConfigurableUpfrontPricingTerm"))
                .map(term -> term.at("/RateCards").toString())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void thePartnersComposerStartsFromAnAuthorizationAndShowsTheMarginOfAMarkupBeforeSavingIt() {
        var authorization = resale.authorization(agreements.saasProduct(), 30);
        var partner = new SignedInSession(api, PARTNER, "offerdesk-demo");
        assertThat(text(partner.get("/offers/new"))).contains(authorization);

        var created = partner.post("/offers/new", "/offers/new/resale", "resaleAuthorizationId=" + authorization);
        assertThat(created.statusCode()).isEqualTo(302);
        var offerId = created.headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceAll(".*/offers/([^/]+)/compose/buyers$", "$1");
        var pricing = "/offers/" + offerId + "/compose/pricing";
        assertThat(text(partner.get(pricing))).contains("margin-lines", "1000.00 USD", "333.33 USD");

        var preview = text(partner.post(pricing, "/offers/" + offerId + "/compose/markup/preview", "percentage=8"));

        // 80.00 + 26.67 on the two installments, nothing on the upfront price of 0.
        assertThat(preview).contains("1080.00 USD", "360.00 USD", "26.67 USD", "106.67 USD");
        assertThat(schedule(offerDetails(offerId))).containsExactly("1000.00", "333.33");
        var applied = partner.post(pricing, "/offers/" + offerId + "/compose/markup", "percentage=8");
        assertThat(applied.statusCode()).isEqualTo(302);
        assertThat(applied.headers().firstValue("Location").orElseThrow()).endsWith("/compose/schedule");
        assertThat(schedule(offerDetails(offerId))).containsExactly("1080.00", "360.00");
        // Sellers hold no authorizations: their new-offer page has no such section.
        var isv = new SignedInSession(api, ISV, "offerdesk-demo");
        assertThat(text(isv.get("/offers/new"))).doesNotContain("id=\"resale-authorizations\"");
    }

    @Test
    void anExpiredAuthorizationMakesNoNewOffer() {
        var authorization = resale.authorization(agreements.saasProduct(), 5);
        var advanced = api.post("/api/v1/simulation/clock/advance", OPERATOR, "{\"by\":\"P6D\"}");
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);

        assertThat(codes(offers.run(PARTNER, List.of(create(authorization)))))
                .containsExactly("INCOMPATIBLE_RESALE_AUTHORIZATION");
    }

    /** A CPPO made from the authorization, marked up and released by the partner; returns its id. */
    String released(String authorization, String markup) {
        var offerId = id(resale.succeeded(PARTNER, List.of(create(authorization))));
        resale.succeeded(PARTNER, releaseChanges(offerId, markup));
        return offerId;
    }

    List<String> releaseChanges(String offerId, String markup) {
        return List.of(
                change("UpdateMarkup", offerId, null, "{\"Percentage\":\"%s\"}".formatted(markup)),
                change(
                        "UpdateAvailability",
                        offerId,
                        null,
                        "{\"AvailabilityEndDate\":\"%s\"}"
                                .formatted(offers.today().plusDays(10))),
                change(
                        "UpdateValidityTerms",
                        offerId,
                        null,
                        "{\"Terms\":[{\"Type\":\"ValidityTerm\",\"AgreementDuration\":\"P12M\"}]}"),
                change("ReleaseOffer", offerId, null, "{}"));
    }

    static String create(String authorization) {
        return change(
                "CreateOfferUsingResaleAuthorization",
                null,
                null,
                "{\"ResaleAuthorizationId\":\"%s\",\"Name\":\"%s\"}"
                        .formatted(authorization, OfferFixtures.unique("Globex via Northwind")));
    }

    static List<String> codes(JsonNode done) {
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("FAILED");
        var codes = new ArrayList<String>();
        done.at("/changeSet")
                .forEach(c -> c.at("/errorDetailList")
                        .forEach(e -> codes.add(e.at("/code").asString())));
        return codes;
    }

    JsonNode offerDetails(String offerId) {
        return api.get("/api/v1/offers/" + offerId, PARTNER).json().at("/offer/details");
    }

    static String text(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static List<String> schedule(JsonNode details) {
        var amounts = new ArrayList<String>();
        details.at("/Terms").forEach(term -> {
            if (term.at("/Type").asString().equals("PaymentScheduleTerm")) {
                term.at("/Schedule")
                        .forEach(
                                charge -> amounts.add(charge.at("/ChargeAmount").asString()));
            }
        });
        return amounts;
    }

    /** A second channel partner, onboarded by the operator; returns its admin's e-mail. */
    String onboardPartner() {
        var account = "7" + "%011d".formatted(ThreadLocalRandom.current().nextLong(100_000_000_000L));
        var email = "admin-" + account + "@contoso-resellers.example";
        var onboarded = api.post("/api/v1/parties", OPERATOR, """
                {"kind":"CHANNEL_PARTNER","name":"Contoso Resellers %s","accountId":"%s",
                 "adminEmail":"%s","adminName":"Cora Admin"}""".formatted(account, account, email));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        var token = onboarded.json().at("/adminInvitationToken").asString();
        assertThat(api.post("/api/v1/invitations/" + token + "/accept", null, "{\"password\":\"long-enough-1\"}")
                        .status())
                .isEqualTo(200);
        return email;
    }
}
