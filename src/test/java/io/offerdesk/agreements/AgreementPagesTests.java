package io.offerdesk.agreements;

import static io.offerdesk.agreements.AgreementFixtures.AUTHOR;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.agreements.AgreementFixtures.INITECH;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The agreement pages over HTTP, for what a browser test does not cover cheaply: who gets which status. */
@EndToEndTest
class AgreementPagesTests {

    static final String PASSWORD = "offerdesk-demo";
    static final String OTHER_SELLER = "admin@nimbus.example";
    static final String GLOBEX_VIEWER = "viewer@globex.example";

    @Autowired
    TestApi api;

    AgreementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AgreementFixtures(api);
    }

    @Test
    void showsAnAgreementToItsBuyerAndSellerAndTheNotFoundPageToAnotherBuyerOrSeller() {
        var offerId = fixtures.installmentOffer(fixtures.saasProduct(), GLOBEX_ACCOUNT);
        var quote = fixtures.quote(GLOBEX, offerId, GLOBEX_ACCOUNT);
        var requestId = quote.json().at("/agreementRequestId").asString();
        var accepted = fixtures.accept(GLOBEX, requestId);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        var agreementId = accepted.json().at("/agreementId").asString();

        var globex = new SignedInSession(api, GLOBEX, PASSWORD);
        var own = globex.get("/buyer/agreements/" + agreementId + "?lang=en");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(html(own))
                .contains(agreementId, "USD 12,000.00", "Active", "the offer has no renewal term", "Accepted terms");
        assertThat(html(globex.get("/buyer/agreements?lang=en"))).contains("data-agreement-id=\"" + agreementId + "\"");
        assertThat(html(globex.get("/buyer/agreement-requests/" + requestId + "?lang=en")))
                .contains("This quote was accepted", agreementId);

        var seller = new SignedInSession(api, AUTHOR, PASSWORD);
        var sellers = seller.get("/agreements/" + agreementId + "?lang=en");
        assertThat(sellers.statusCode()).isEqualTo(200);
        assertThat(html(sellers)).contains(agreementId, GLOBEX_ACCOUNT, "USD 12,000.00");
        assertThat(html(seller.get("/agreements?offerId=" + offerId + "&lang=en")))
                .contains("data-agreement-id=\"" + agreementId + "\"", "value-chart");
        assertThat(html(seller.get("/offers/" + offerId + "/agreements-link?lang=en")))
                .contains("Agreements from this offer (1)");

        var initech = new SignedInSession(api, INITECH, PASSWORD);
        var nimbus = new SignedInSession(api, OTHER_SELLER, PASSWORD);
        for (var refused : new HttpResponse<?>[] {
            initech.get("/buyer/agreements/" + agreementId + "?lang=en"),
            initech.get("/agreements/" + agreementId + "?lang=en"),
            initech.get("/buyer/agreement-requests/" + requestId + "?lang=en"),
            initech.get("/buyer/agreement-requests/ar-zzzzzzzzzzzzzzzzzzzzzzzzz?lang=en"),
            nimbus.get("/agreements/" + agreementId + "?lang=en"),
            nimbus.get("/buyer/agreements/" + agreementId + "?lang=en"),
            seller.get("/buyer/agreements/" + agreementId + "?lang=en"),
            seller.get("/buyer/agreement-requests/" + requestId + "?lang=en")
        }) {
            assertThat(refused.statusCode()).as(refused.uri().toString()).isEqualTo(404);
            assertThat(html(refused)).as(refused.uri().toString()).contains("There is nothing here.");
        }
        assertThat(html(initech.get("/buyer/agreements?lang=en"))).doesNotContain(agreementId);
        assertThat(html(nimbus.get("/agreements?lang=en"))).doesNotContain(agreementId);
    }

    @Test
    void offersTheAcceptButtonOnlyToProcurementWhileTheOfferIsOpenAndSaysWhyOtherwise() {
        var offerId = fixtures.installmentOffer(fixtures.saasProduct(), GLOBEX_ACCOUNT);

        var procurement = html(
                new SignedInSession(api, GLOBEX, PASSWORD).get("/buyer/offers/" + offerId + "/acceptance?lang=en"));
        assertThat(procurement).contains("id=\"accept-offer\"", "/buyer/offers/" + offerId + "/quote");

        var viewer = new SignedInSession(api, GLOBEX_VIEWER, PASSWORD);
        assertThat(html(viewer.get("/buyer/offers/" + offerId + "/acceptance?lang=en")))
                .doesNotContain("id=\"accept-offer\"")
                .contains("Only users with the procurement role can accept offers");
        assertThat(html(viewer.get("/buyer/offers/" + offerId + "/quote?lang=en")))
                .doesNotContain("id=\"quote-form\"")
                .contains("Only users with the procurement role can accept offers");

        var initech = new SignedInSession(api, INITECH, PASSWORD);
        assertThat(initech.get("/buyer/offers/" + offerId + "/acceptance").statusCode())
                .isEqualTo(404);
        assertThat(initech.get("/buyer/offers/" + offerId + "/quote").statusCode())
                .isEqualTo(404);

        var expired = api.finishedChangeSet(AUTHOR, api.post("/api/v1/offers/" + offerId + "/expire", AUTHOR, ""));
        assertThat(expired.at("/status").asString()).as(expired.toString()).isEqualTo("SUCCEEDED");
        assertThat(html(new SignedInSession(api, GLOBEX, PASSWORD)
                        .get("/buyer/offers/" + offerId + "/acceptance?lang=en")))
                .doesNotContain("id=\"accept-offer\"")
                .contains("This offer has expired");
    }

    private static String html(HttpResponse<?> response) {
        return response.body() instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(response.body());
    }
}
