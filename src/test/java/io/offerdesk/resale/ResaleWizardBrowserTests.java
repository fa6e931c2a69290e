package io.offerdesk.resale;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The ISV's authorization wizard and the partner's inbox in a real browser, every write through the engine. */
class ResaleWizardBrowserTests extends BrowserTest {

    static final String PASSWORD = "offerdesk-demo";

    ResaleFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ResaleFixtures(api);
    }

    @Test
    void theIsvAuthorizesThePartnerForOneBuyerAtADiscountAndThePartnerFindsItInItsInbox() {
        var name = ResaleFixtures.unique("Wizard for Globex");
        signIn(ResaleFixtures.ISV, PASSWORD);
        open("/resale-authorizations?lang=en");
        click(By.id("new-authorization"));
        // The wizard may take longer to load than the driver's implicit two seconds on a busy machine.
        await(ExpectedConditions.presenceOfElementLocated(By.id("productId")));
        new Select(browser.findElement(By.id("productId"))).selectByVisibleText("Acme Insights");
        browser.findElement(By.id("resellerAccountId")).sendKeys(ResaleFixtures.PARTNER_ACCOUNT);
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("buyerAccounts")).sendKeys(ResaleFixtures.GLOBEX_ACCOUNT);
        click(By.id("availability-SINGLE_USE"));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "document.getElementById('availabilityEndDate').value = arguments[0];",
                        fixtures.today().plusDays(30).toString());
        // The standard contract, version 1.0, is the default buyer EULA.
        click(By.id("pricing-DISCOUNT"));
        var discount = browser.findElement(By.id("discountPercentage"));
        discount.clear();
        discount.sendKeys("20");
        click(By.id("release"));
        click(By.id("create-authorization"));

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("created-notice")));
        assertThat(text("#authorization-name")).isEqualTo(name);
        assertThat(text(".resale-status")).isEqualTo("Active");
        assertThat(text("#authorization-availability")).contains("Single use");
        assertThat(browser.findElements(By.cssSelector(".wholesale-price")))
                .extracting(e -> e.getText())
                .anyMatch(price -> price.contains("analysts") && price.contains("USD 960.00"));
        var id = text("#authorization-id");

        open("/resale-authorizations?lang=en");
        assertThat(text("tr[data-authorization-id='" + id + "'] .extended-status"))
                .isEqualTo("Not started");

        browser.manage().deleteAllCookies();
        signIn(ResaleFixtures.PARTNER, PASSWORD);
        open("/partner/resale-authorizations?lang=en");
        click(By.cssSelector("tr[data-authorization-id='" + id + "'] a"));
        // The click returns before the browser leaves the list, whose URL would be read.
        await(ExpectedConditions.urlMatches("/partner/resale-authorizations/" + id + "$"));
        assertThat(text("#authorization-buyers")).contains(ResaleFixtures.GLOBEX_ACCOUNT);
        assertThat(text("#authorization-bounds")).contains("Acme Analytics");
        assertThat(browser.findElements(By.cssSelector(".wholesale-price")))
                .extracting(e -> e.getText())
                .anyMatch(price -> price.contains("USD 960.00"));
    }
}
