package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Home pages chart what a person would rather look at than read. */
class DashboardBrowserTests extends BrowserTest {

    @Test
    void theOperatorSeesPartiesProductsAndActivityCharted() {
        signIn("operator@offerdesk.example", "offerdesk-demo");
        open("/?lang=en");
        assertThat(text("#dashboard")).contains("Parties by kind", "Products by type", "Changes per day");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#dashboard canvas"), 3));
        assertThat(browser.findElement(By.id("chart-0")).getAttribute("data-chart"))
                .contains("Seller (ISV)");

        open("/?lang=zh-CN");
        assertThat(text("#dashboard")).contains("各类参与方数量");
        assertThat(browser.findElement(By.id("chart-0")).getAttribute("data-chart"))
                .contains("卖家(ISV)");
        open("/?lang=en");
    }

    @Test
    void aBuyerSeesItsOwnUsersButNoCatalog() {
        signIn("procurement@globex.example", "offerdesk-demo");
        open("/?lang=en");
        assertThat(text("#dashboard")).contains("Users by role").doesNotContain("Products by type");
        assertThat(browser.findElement(By.id("chart-0")).getAttribute("data-chart"))
                .contains("Procurement")
                .doesNotContain("Offer author");
    }
}
