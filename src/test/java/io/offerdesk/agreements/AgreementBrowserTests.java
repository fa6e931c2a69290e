package io.offerdesk.agreements;

import static io.offerdesk.agreements.AgreementFixtures.AUTHOR;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX;
import static io.offerdesk.agreements.AgreementFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.agreements.AgreementFixtures.INITECH;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import java.net.URI;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A new user's first purchase: the demo buyer accepts the demo's 12-installment offer in the browser, both sides see
 * the agreement, a second acceptance is refused with its reason, and another buyer organization is told none of it
 * exists.
 */
class AgreementBrowserTests extends BrowserTest {

    static final String PASSWORD = "offerdesk-demo";
    static final String DEMO_OFFER = "Globex — Acme Insights 2027, 12 installments";

    /** An offer Globex can still accept, and the value of its twelve installments as the pages show it. */
    record Acceptable(String offerId, String value) {}

    @Test
    void theDemoBuyerAcceptsTheTwelveInstallmentOfferBothSidesSeeItAndNoOneElseDoes() {
        var offer = demoOffer().orElseGet(this::freshOffer);

        signIn(GLOBEX, PASSWORD);
        open("/buyer/offers/" + offer.offerId() + "?lang=en");
        click(By.id("accept-offer"));
        await(ExpectedConditions.urlContains("/buyer/offers/" + offer.offerId() + "/quote"));
        assertThat(text("#q-account")).isEqualTo(GLOBEX_ACCOUNT);
        click(By.id("request-quote"));

        await(ExpectedConditions.urlContains("/buyer/agreement-requests/ar-"));
        var requestPath = URI.create(browser.getCurrentUrl()).getPath();
        assertThat(browser.findElements(By.cssSelector("#review-charges tbody tr")))
                .hasSize(12);
        assertThat(text("#review-value")).isEqualTo(offer.value());
        assertThat(text("#review-total")).isEqualTo(offer.value());
        assertThat(text("#review-account")).isEqualTo(GLOBEX_ACCOUNT);
        assertThat(text("#review-product")).isNotBlank();
        assertThat(text("#review-invoicing-entity")).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("#review-chart canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.id("standard-contract"))).hasSize(1);
        click(By.id("eula-acknowledged"));
        click(By.id("accept"));

        await(ExpectedConditions.urlContains("/buyer/agreements/agmt-"));
        var agreementId = text("#agreement-id");
        assertThat(text("#accepted-notice")).isNotBlank();
        assertThat(text(".agreement-status")).isEqualTo("Active");
        assertThat(text("#agreement-value")).isEqualTo(offer.value());
        assertThat(browser.findElements(By.cssSelector("#charges-table tbody tr")))
                .hasSize(12);
        open("/buyer/agreements?lang=zh-CN");
        assertThat(text("main h1")).isEqualTo("我的协议");
        assertThat(browser.findElements(By.cssSelector("#agreements [data-agreement-id='" + agreementId + "']")))
                .hasSize(1);

        // A second acceptance of the same offer: a new quote is made, its acceptance is refused with the reason.
        open("/buyer/offers/" + offer.offerId() + "?lang=en");
        assertThat(text("#offer-agreements")).contains(agreementId);
        click(By.id("accept-offer"));
        click(By.id("request-quote"));
        await(ExpectedConditions.not(ExpectedConditions.urlContains(requestPath)));
        await(ExpectedConditions.urlContains("/buyer/agreement-requests/ar-"));
        var secondRequestPath = URI.create(browser.getCurrentUrl()).getPath();
        assertThat(secondRequestPath).isNotEqualTo(requestPath);
        click(By.id("eula-acknowledged"));
        click(By.id("accept"));
        await(ExpectedConditions.presenceOfElementLocated(By.id("refusal-reason")));
        assertThat(text("#refusal-reason")).isEqualTo("DUPLICATE_AGREEMENT_IN_ORGANIZATION");
        assertThat(text("#refusal")).contains(agreementId);
        assertThat(browser.getCurrentUrl()).doesNotContain("/buyer/agreements/");

        browser.manage().deleteAllCookies();
        signIn(AUTHOR, PASSWORD);
        open("/agreements?lang=en&offerId=" + offer.offerId());
        var row = browser.findElement(By.cssSelector("#agreements [data-agreement-id='" + agreementId + "']"));
        assertThat(row.findElement(By.className("acceptor-account")).getText()).isEqualTo(GLOBEX_ACCOUNT);
        click(By.cssSelector("#agreements [data-agreement-id='" + agreementId + "'] a"));
        assertThat(text("#agreement-id")).isEqualTo(agreementId);
        assertThat(text("#agreement-account")).isEqualTo(GLOBEX_ACCOUNT);
        assertThat(text("#agreement-value")).isEqualTo(offer.value());
        open("/offers/" + offer.offerId() + "?lang=en");
        assertThat(text("#offer-agreements-link")).isEqualTo("Agreements from this offer (1)");

        browser.manage().deleteAllCookies();
        signIn(INITECH, PASSWORD);
        for (var path : new String[] {"/buyer/agreements/" + agreementId, requestPath, secondRequestPath}) {
            open(path + "?lang=en");
            assertThat(text("main h1")).as(path).isEqualTo("There is nothing here.");
        }
    }

    /**
     * The demo's offer, while Globex can still accept it: the clock is shared by every test in this JVM and may have
     * passed its expiry, and it can be accepted only once per account.
     */
    private Optional<Acceptable> demoOffer() {
        var offers = api.get("/api/v1/buyer/offers?limit=100", GLOBEX).json().at("/offers");
        return StreamSupport.stream(offers.spliterator(), false)
                .filter(o -> DEMO_OFFER.equals(o.at("/name").asString()))
                .findFirst()
                .filter(o -> api.get(
                                "/api/v1/agreements?status=ACTIVE&productId="
                                        + o.at("/productId").asString(),
                                GLOBEX)
                        .json()
                        .at("/agreements")
                        .isEmpty())
                .map(o -> new Acceptable(o.at("/id").asString(), "USD 45,900.00"));
    }

    /** Acme's 12-installment offer for a product of its own, like the demo's. */
    private Acceptable freshOffer() {
        var fixtures = new AgreementFixtures(api);
        return new Acceptable(fixtures.installmentOffer(fixtures.saasProduct(), GLOBEX_ACCOUNT), "USD 12,000.00");
    }
}
