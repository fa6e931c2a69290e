package io.offerdesk.offers;

import static io.offerdesk.offers.OfferFixtures.AUTHOR;
import static io.offerdesk.offers.OfferFixtures.GLOBEX;
import static io.offerdesk.offers.OfferFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.offers.OfferFixtures.INITECH;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The buyer's offer pages over HTTP, for what a browser does not show: status codes and the downloaded EULA. */
@EndToEndTest
class BuyerOfferPagesTests {

    static final String PASSWORD = "offerdesk-demo";
    static final byte[] PDF = "%PDF-1.4\n% Acme EULA for page tests\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    TestApi api;

    OfferFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(api);
    }

    @Test
    void servesTheCustomEulaAsPdfOnlyToTheTargetedBuyer() {
        var id = released(fixtures.uploadedEula(PDF));

        var globex = new SignedInSession(api, GLOBEX, PASSWORD).get("/buyer/offers/" + id + "/eula");
        assertThat(globex.statusCode()).isEqualTo(200);
        assertThat(globex.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(globex.body()).isEqualTo(PDF);

        for (var outsider : new String[] {INITECH, AUTHOR}) {
            var refused = new SignedInSession(api, outsider, PASSWORD).get("/buyer/offers/" + id + "/eula");
            assertThat(refused.statusCode()).as(outsider).isEqualTo(404);
            assertThat(refused.headers().firstValue("Content-Type").orElse(""))
                    .as(outsider)
                    .doesNotContain("pdf");
        }
    }

    @Test
    void answersTheNotFoundPageForOffersTheBuyerMayNotSee() {
        var id = fixtures.releasedOffer(GLOBEX_ACCOUNT);

        assertThat(new SignedInSession(api, GLOBEX, PASSWORD)
                        .get("/buyer/offers/" + id)
                        .statusCode())
                .isEqualTo(200);
        var initech = new SignedInSession(api, INITECH, PASSWORD);
        for (var path :
                new String[] {"/buyer/offers/" + id, "/buyer/offers/offer-zzzzzzzzzzzzz", "/buyer/offers/nope"}) {
            var refused = initech.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(html(refused)).as(path).contains("There is nothing here.");
        }
    }

    @Test
    void movesAnExpiredOfferToTheSecondTabAndSaysItExpired() {
        var id = fixtures.releasedOffer(GLOBEX_ACCOUNT);
        var expired = fixtures.finished(AUTHOR, api.post("/api/v1/offers/" + id + "/expire", AUTHOR, ""));
        assertThat(expired.at("/status").asString()).as(expired.toString()).isEqualTo("SUCCEEDED");
        var globex = new SignedInSession(api, GLOBEX, PASSWORD);

        assertThat(html(globex.get("/buyer/offers?lang=en"))).doesNotContain(id);
        assertThat(html(globex.get("/buyer/offers?tab=ACCEPTED_OR_EXPIRED&lang=en")))
                .contains("data-offer-id=\"" + id + "\"", fixtures.today().minusDays(1) + "</span> ·");
        assertThat(html(globex.get("/buyer/offers/" + id + "?lang=en")))
                .contains("id=\"offer-status\">Expired</span>", "data-countdown-ms=\"0\"");
    }

    @Test
    void linksAStandardContractToItsTextAndHasNoPdfToDownload() {
        var id = fixtures.releasedOffer(GLOBEX_ACCOUNT);
        var globex = new SignedInSession(api, GLOBEX, PASSWORD);

        assertThat(html(globex.get("/buyer/offers/" + id + "?lang=en")))
                .contains("Standard contract, version 1.0", "href=\"/standard-contracts/")
                .doesNotContain("eula-download");
        assertThat(globex.get("/buyer/offers/" + id + "/eula").statusCode()).isEqualTo(404);
    }

    @Test
    void showsVariablePaymentsUpToTheMaximumInEnglishAndChinese() {
        var done = fixtures.run(
                AUTHOR, fixtures.privateOfferWithVariablePayments(fixtures.productId("Acme Insights"), GLOBEX_ACCOUNT));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        var id = done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
        var globex = new SignedInSession(api, GLOBEX, PASSWORD);

        assertThat(html(globex.get("/buyer/offers/" + id + "?lang=en")))
                .contains(
                        "Variable payments up to USD 50,000.00, by seller request",
                        "plus variable payments up to USD 50,000.00");
        assertThat(html(globex.get("/buyer/offers/" + id + "?lang=zh-CN"))).contains("可变付款最高 USD 50,000.00，由卖家发起请求");
    }

    @Test
    void theDemoOffersReachGlobexWhileTheDraftForInitechStaysWithAcme() throws InterruptedException {
        // The demo runner only starts the change sets; the worker applies them shortly after startup.
        var globexOffers = "";
        for (int i = 0; i < 200; i++) {
            globexOffers = api.get("/api/v1/buyer/offers?limit=100", GLOBEX).body();
            if (globexOffers.contains("Globex — Acme Onboarding Services")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(globexOffers)
                .contains("Globex — Acme Insights 2027, 12 installments", "Globex — Acme Onboarding Services");
        var drafts = api.get("/api/v1/offers?state=DRAFT&limit=100", AUTHOR).body();
        assertThat(drafts).contains("Initech — Acme Stream Processor pilot");
        assertThat(api.get("/api/v1/buyer/offers?limit=100", INITECH).body()).doesNotContain("Initech — Acme");
    }

    private String released(String eulaUrl) {
        var done = fixtures.run(
                AUTHOR,
                fixtures.privateOffer(
                        fixtures.productId("Acme Insights"),
                        OfferFixtures.unique("Globex EULA offer"),
                        GLOBEX_ACCOUNT,
                        eulaUrl));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    private static String html(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
