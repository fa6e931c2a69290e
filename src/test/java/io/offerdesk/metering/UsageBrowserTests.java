package io.offerdesk.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.support.BrowserTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seller and the buyer follow the agreement page's link to its usage, charted by day, in English and Chinese; a
 * buyer of another company finds nothing.
 */
class UsageBrowserTests extends BrowserTest {

    static final String PASSWORD = "offerdesk-demo";

    @Test
    void bothPartiesReadAnAgreementsUsageByDay() {
        var fixtures = new AgreementFixtures(api);
        var product = fixtures.saasProduct();
        var bought = fixtures.buy(fixtures.installmentOffer(product, AgreementFixtures.GLOBEX_ACCOUNT));
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        var agreement = bought.json().at("/agreementId").asString();
        var now = Instant.parse(api.get("/api/v1/simulation/clock", "operator@offerdesk.example")
                .json()
                .at("/now")
                .asString());
        var metered = api.post(
                "/api/v1/metering/batch-meter-usage",
                AgreementFixtures.AUTHOR,
                MeteringTests.body(
                        product,
                        MeteringTests.record(
                                "analysts",
                                now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS),
                                AgreementFixtures.GLOBEX_ACCOUNT,
                                42,
                                "")));
        assertThat(metered.json().at("/results/0/status").asString())
                .as(metered.body())
                .isEqualTo("Success");

        signIn(AgreementFixtures.AUTHOR, PASSWORD);
        open("/agreements/" + agreement);
        click(By.cssSelector("#agreement-usage-link a"));
        chartDrawn();
        assertThat(browser.findElement(By.cssSelector("#usage-table .usage-quantity"))
                        .getText())
                .isEqualTo("42");
        assertThat(browser.findElement(By.id("usage-chart")).getAttribute("data-chart"))
                .contains("Analysts (Users)");

        browser.manage().deleteAllCookies();
        signIn(AgreementFixtures.GLOBEX, PASSWORD);
        open("/buyer/agreements/" + agreement + "?lang=zh-CN");
        click(By.cssSelector("#agreement-usage-link a"));
        chartDrawn();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("用量");
        assertThat(browser.findElement(By.cssSelector("#usage-table .usage-quantity"))
                        .getText())
                .isEqualTo("42");

        browser.manage().deleteAllCookies();
        signIn(AgreementFixtures.INITECH, PASSWORD);
        open("/buyer/agreements/" + agreement + "/usage");
        assertThat(browser.findElements(By.id("usage-table"))).isEmpty();
    }

    private static void chartDrawn() {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#usage-chart canvas")));
    }
}
