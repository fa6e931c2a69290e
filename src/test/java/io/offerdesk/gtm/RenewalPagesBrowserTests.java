package io.offerdesk.gtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The renewals page: an administrator switches the engine on and sets its lead days, mode and increase in the form; a
 * rule the form breaks is shown next to its field and nothing is saved; an author reads the settings but cannot save;
 * the page speaks Chinese too.
 */
class RenewalPagesBrowserTests extends BrowserTest {

    @Test
    void anAdministratorSetsUpTheRenewalEngineOnThePage() {
        var seller = new ApprovalFixtures(api).seller();
        signIn(seller.admin(), ApprovalFixtures.PASSWORD);
        open("/renewals?lang=en");
        assertThat(text("main")).contains("Renewals", "No active agreement ends within the lead days.");

        var lead = browser.findElement(By.id("leadDays"));
        lead.clear();
        lead.sendKeys("400");
        click(By.cssSelector("#renewal-settings button[type=submit]"));
        await(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "between 1 and 365"));
        assertThat(api.get("/api/v1/renewal-settings", seller.admin())
                        .json()
                        .at("/leadDays")
                        .asInt())
                .isEqualTo(90);

        click(By.id("enabled"));
        lead = browser.findElement(By.id("leadDays"));
        lead.clear();
        lead.sendKeys("45");
        new Select(browser.findElement(By.id("defaultMode"))).selectByValue("FUTURE_DATED");
        var increase = browser.findElement(By.id("increasePercent"));
        increase.clear();
        increase.sendKeys("4.25");
        click(By.cssSelector("#renewal-settings button[type=submit]"));
        await(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        var saved = api.get("/api/v1/renewal-settings", seller.admin()).json();
        assertThat(saved.at("/enabled").asBoolean()).isTrue();
        assertThat(saved.at("/leadDays").asInt()).isEqualTo(45);
        assertThat(saved.at("/defaultMode").asString()).isEqualTo("FUTURE_DATED");
        assertThat(saved.at("/increasePercent").decimalValue()).isEqualByComparingTo("4.25");
        assertThat(browser.findElement(By.id("leadDays")).getAttribute("value")).isEqualTo("45");

        open("/renewals?lang=zh-CN");
        assertThat(text("main")).contains("续约", "自动起草续约");
        open("/renewals?lang=en");

        browser.manage().deleteAllCookies();
        signIn(seller.author(), ApprovalFixtures.PASSWORD);
        open("/renewals");
        assertThat(text("main")).contains("Draft renewals automatically");
        assertThat(browser.findElements(By.cssSelector("#renewal-settings button[type=submit]")))
                .isEmpty();
    }
}
