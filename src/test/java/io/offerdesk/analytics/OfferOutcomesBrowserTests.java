package io.offerdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A seller's administrator opens the offer analytics in English and in Chinese and sees the funnel, the dimensions and
 * the renewal calendar charted, picks another period with the form; a channel partner's user sees its own view.
 */
class OfferOutcomesBrowserTests extends BrowserTest {

    static final String PASSWORD = "offerdesk-demo";

    @Test
    void aSellerReadsItsOfferAnalyticsChartedInBothLanguagesAndAPartnerItsOwn() {
        signIn("admin@acme.example", PASSWORD);
        open("/analytics?lang=en");
        assertThat(text("main h1")).isEqualTo("Offer analytics");
        assertThat(text("#outcomes-intro")).startsWith("How your offers fare: your own private offers");
        chartDrawn("funnel-chart");
        chartDrawn("calendar-chart");
        assertThat(browser.findElement(By.id("funnel-chart")).getAttribute("data-chart"))
                .contains("\"funnel\"", "Drafted", "Released", "Viewed", "Accepted", "Expired");
        assertThat(browser.findElement(By.id("calendar-chart")).getAttribute("data-chart"))
                .contains("Renews automatically", "Renewal drafted", "No renewal yet");
        // The demo seller's offers are released: their path is charted with win and acceptance rates.
        chartDrawn("chart-PATH");
        assertThat(browser.findElement(By.id("chart-PATH")).getAttribute("data-chart"))
                .contains("Win rate %", "Acceptance rate %", "Direct (SPO)");
        assertThat(browser.findElement(By.id("funnel-csv")).getAttribute("href"))
                .contains("/analytics/funnel.csv", "from=", "to=");
        assertThat(browser.findElement(By.id("calendar-csv")).getAttribute("href"))
                .endsWith("/analytics/renewal-calendar.csv");

        // Another period through the form: the page is drawn again for it.
        var from = browser.findElement(By.id("outcomes-from"));
        var month = from.getAttribute("value");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1]", from, month);
        click(By.id("show-outcomes"));
        await(ExpectedConditions.urlContains("from=" + month));
        chartDrawn("funnel-chart");

        // A range that ends before it starts is explained, and the calendar still shows.
        open("/analytics?lang=en&from=2030-05&to=2030-01");
        assertThat(text("#range-refusal")).contains("months");
        assertThat(browser.findElements(By.id("funnel"))).isEmpty();
        chartDrawn("calendar-chart");

        open("/analytics?lang=zh-CN");
        assertThat(text("main h1")).isEqualTo("报价分析");
        chartDrawn("funnel-chart");
        assertThat(browser.findElement(By.id("funnel-chart")).getAttribute("data-chart"))
                .contains("草稿", "已发布", "已查看", "已接受", "已过期");
        open("/analytics?lang=en");

        browser.manage().deleteAllCookies();
        signIn("author@northwind.example", PASSWORD);
        open("/analytics?lang=en");
        assertThat(text("#outcomes-intro")).startsWith("How your channel partner offers fare");
        chartDrawn("funnel-chart");
    }

    private static void chartDrawn(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " canvas")));
    }
}
