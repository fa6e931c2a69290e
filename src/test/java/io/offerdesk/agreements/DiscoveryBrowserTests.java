package io.offerdesk.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A buyer searches the listings, narrows them with a facet, opens a product and follows a purchase option to its offer. */
class DiscoveryBrowserTests extends BrowserTest {

    static final String GLOBEX = "procurement@globex.example";
    static final String PASSWORD = "offerdesk-demo";
    static final String INSIGHTS_OFFER = "Globex — Acme Insights 2027, 12 installments";

    @Test
    void globexFindsAcmeInsightsAndFollowsItsPrivateOfferToTheOfferPage() throws InterruptedException {
        awaitDemoOffer();
        signIn(GLOBEX, PASSWORD);
        open("/?lang=en");
        click(By.linkText("Discover"));
        await(ExpectedConditions.urlMatches("/buyer/discover$"));

        browser.findElement(By.id("search-text")).sendKeys("acme");
        click(By.id("search-submit"));
        // The page before the search lists Acme Insights too: wait for the search's own page.
        await(ExpectedConditions.urlContains("q=acme"));
        assertThat(titles(t -> t.contains("Acme Insights"))).contains("Acme Insights", "Acme Onboarding Services");
        click(By.cssSelector("#facet-type [data-facet-value='PROFESSIONAL_SERVICES']"));
        assertThat(titles(t -> !t.contains("Acme Insights"))).containsExactly("Acme Onboarding Services");
        assertThat(text("#remove-type")).startsWith("Professional services");
        click(By.id("remove-type"));
        assertThat(titles(t -> t.contains("Acme Insights"))).contains("Acme Insights", "Acme Onboarding Services");

        click(By.xpath("//*[@id='listings']//a[.//h2[normalize-space()='Acme Insights']]"));
        assertThat(text("#product-title")).isEqualTo("Acme Insights");
        var productPage = Objects.requireNonNull(browser.getCurrentUrl()).replaceAll("\\?.*", "");
        assertThat(text("#product-seller")).isEqualTo("Acme Analytics");
        assertThat(text("#fulfillment-type")).isEqualTo("Software as a service (SaaS)");
        assertThat(text("main")).doesNotContain("insights.acme.example");
        assertThat(text("#dimensions")).contains("Analyst seats", "Viewer seats");

        var option = option(INSIGHTS_OFFER);
        assertThat(option.findElement(By.className("option-seller")).getText()).isEqualTo("Acme Analytics");
        assertThat(option.findElement(By.className("option-badge")).getText()).isEqualTo("Private pricing");
        assertThat(option.findElement(By.className("option-price")).getText())
                .contains("USD 45,900.00", "in 12 installments", "12 months");
        var offerId = option.getAttribute("data-offer-id");
        click(By.cssSelector("#purchase-options [data-offer-id='" + offerId + "']"));
        await(ExpectedConditions.urlMatches("/buyer/offers/" + offerId + "$"));
        assertThat(text("#offer-name")).isEqualTo(INSIGHTS_OFFER);

        browser.get(productPage + "?lang=zh-CN");
        assertThat(text("#fulfillment-type")).isEqualTo("软件即服务(SaaS)");
        assertThat(text("main h2.h5")).isEqualTo("交付方式");
        assertThat(option(INSIGHTS_OFFER)
                        .findElement(By.className("option-badge"))
                        .getText())
                .isEqualTo("专属价格");
        assertThat(text("nav")).contains("发现产品");
    }

    /**
     * The listing titles once htmx has swapped in the list a step leads to: a click returns before the swap, and a swap
     * during the read makes the elements stale, so the list is read again until it is the one {@code swapped} expects.
     */
    private List<String> titles(Predicate<List<String>> swapped) {
        return await(driver -> {
            var titles = browser.findElements(By.cssSelector("#listings .listing-title")).stream()
                    .map(WebElement::getText)
                    .toList();
            return swapped.test(titles) ? titles : null;
        });
    }

    private WebElement option(String name) {
        return browser.findElements(By.cssSelector("#purchase-options .purchase-option")).stream()
                .filter(element -> element.findElement(By.className("option-name"))
                        .getText()
                        .equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no purchase option " + name));
    }

    /** The demo runner only starts the offers' change sets; the worker applies them shortly after startup. */
    private void awaitDemoOffer() throws InterruptedException {
        var offers = "";
        for (int i = 0; i < 200; i++) {
            offers = api.get("/api/v1/buyer/offers?limit=100", GLOBEX).body();
            if (offers.contains(INSIGHTS_OFFER)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(offers).contains(INSIGHTS_OFFER);
    }
}
