package io.offerdesk.offers;

import static io.offerdesk.offers.OfferFixtures.GLOBEX;
import static io.offerdesk.offers.OfferFixtures.GLOBEX_ACCOUNT;
import static io.offerdesk.offers.OfferFixtures.INITECH;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A buyer finds a private offer, reads all of it in English and Chinese, and downloads its EULA; no one else can. */
class BuyerOfferBrowserTests extends BrowserTest {

    static final String PASSWORD = "offerdesk-demo";
    static final byte[] PDF = "%PDF-1.4\n% Acme EULA for browser tests\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theTargetedBuyerReadsTheOfferAndDownloadsItsEulaWhileAnotherBuyerIsToldItDoesNotExist() {
        var fixtures = new OfferFixtures(api);
        var name = OfferFixtures.unique("Globex browser offer");
        var done = fixtures.run(
                OfferFixtures.AUTHOR,
                fixtures.privateOffer(
                        fixtures.productId("Acme Insights"),
                        name,
                        GLOBEX_ACCOUNT,
                        fixtures.uploadedEula(PDF),
                        // Sooner than every other offer to Globex, so it is on the first page however many there are.
                        2));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        var id = done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");

        signIn(GLOBEX, PASSWORD);
        open("/buyer/offers?lang=en");
        assertThat(text("#tab-AVAILABLE")).isEqualTo("Available");
        assertThat(text("#tab-ACCEPTED_OR_EXPIRED")).isEqualTo("Accepted or expired");
        var row = offerRow(id);
        assertThat(row.findElement(By.className("offer-name")).getText()).isEqualTo(name);
        assertThat(row.findElement(By.className("offer-seller")).getText()).isEqualTo("Acme Analytics");
        assertThat(row.findElement(By.className("offer-product")).getText()).isEqualTo("Acme Insights");
        assertThat(row.findElement(By.className("offer-price")).getText())
                .contains("USD 12,000.00", "in 12 installments", "12 months");
        assertThat(row.findElement(By.className("offer-expiry")).getText())
                .contains(fixtures.today().plusDays(2).toString(), "in 2 days", "Expiring soon");

        open("/buyer/offers?lang=zh-CN");
        assertThat(text("#tab-AVAILABLE")).isEqualTo("可接受");
        assertThat(text("#tab-ACCEPTED_OR_EXPIRED")).isEqualTo("已接受或已过期");
        assertThat(offerRow(id).findElement(By.className("offer-price")).getText())
                .contains("USD 12,000.00", "分 12 期", "12 个月");
        assertThat(offerRow(id).findElement(By.className("offer-expiry")).getText())
                .contains("2 天后到期", "即将到期");

        open("/buyer/offers?lang=en");
        click(By.cssSelector("#buyer-offers [data-offer-id='" + id + "']"));
        // The click returns before the browser leaves the list, whose URL would be read.
        await(ExpectedConditions.urlMatches("/buyer/offers/" + id + "$"));
        assertThat(text("#offer-name")).isEqualTo(name);
        assertThat(text("#offer-seller")).isEqualTo("Acme Analytics");
        assertThat(text("#offer-product")).contains("Acme Insights");
        assertThat(browser.findElements(By.cssSelector("#payment-schedule tbody tr")))
                .hasSize(12);
        assertThat(text("#payment-schedule tbody tr:first-child"))
                .contains(fixtures.today().plusDays(10).toString(), "USD 1,000.00");
        assertThat(text("#schedule-total")).isEqualTo("USD 12,000.00");
        assertThat(browser.findElements(By.cssSelector("#schedule-chart canvas")))
                .isNotEmpty();
        assertThat(text("#term-fixed-upfront")).contains("Analyst seats", "10 Users");
        assertThat(text("#term-validity")).contains("12 months from acceptance");
        assertThat(text("#refund-policy")).isEqualTo("Refunds within 30 days.");
        assertThat(text("#countdown")).matches("2 days \\d\\d:\\d\\d:\\d\\d");
        assertThat(text("#expires-at")).contains(fixtures.today().plusDays(2).toString(), "23:59:59 UTC");

        var eula = Objects.requireNonNull(
                browser.findElement(By.id("eula-download")).getAttribute("href"));
        assertThat(eula).endsWith("/buyer/offers/" + id + "/eula");
        assertThat(fetchInBrowser(eula)).containsExactly(200L, "application/pdf", "%PDF-");

        browser.manage().deleteAllCookies();
        signIn(INITECH, PASSWORD);
        open("/buyer/offers/" + id + "?lang=en");
        assertThat(text("main h1")).isEqualTo("There is nothing here.");
        assertThat(text("main")).doesNotContain(name);
        open("/buyer/offers?lang=en");
        assertThat(browser.findElements(By.cssSelector("[data-offer-id='" + id + "']")))
                .isEmpty();
    }

    private WebElement offerRow(String id) {
        return browser.findElement(By.cssSelector("#buyer-offers [data-offer-id='" + id + "']"));
    }

    /** Requests the URL from the page, with the signed-in session: status, content type and the first five bytes. */
    @SuppressWarnings("unchecked")
    private List<Object> fetchInBrowser(String url) {
        return (List<Object>) Objects.requireNonNull(((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async (response) => done([
                    response.status,
                    response.headers.get("Content-Type"),
                    new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5))]));
                """, url));
    }
}
