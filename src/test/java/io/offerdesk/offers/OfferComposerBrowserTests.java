package io.offerdesk.offers;

import static io.offerdesk.offers.OfferFixtures.AUTHOR;
import static io.offerdesk.offers.OfferFixtures.GLOBEX_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The seller's offer pages in a real browser against the running application, every write through the engine. */
class OfferComposerBrowserTests extends BrowserTest {

    static final String PASSWORD = "offerdesk-demo";

    OfferFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new OfferFixtures(api);
    }

    @Test
    void composesAPrivateOfferStepByStepAndReleasesIt() throws Exception {
        var today = fixtures.today();
        var name = OfferFixtures.unique("Composed for Globex");
        signIn(AUTHOR, PASSWORD);

        open("/offers/new?lang=en");
        click(By.cssSelector("input[name=productId][data-title='Acme Insights']"));
        click(By.id("create-draft"));
        awaitStep("buyers");
        var offerPath = java.util.Objects.requireNonNull(browser.getCurrentUrl())
                .replaceAll("^.*(/offers/offer-[a-z0-9]{13}).*$", "$1");

        browser.findElement(By.id("buyerAccounts")).sendKeys(GLOBEX_ACCOUNT);
        save("information");

        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("description")).sendKeys("Negotiated in the composer test");
        save("pricing");

        assertThat(browser.findElement(By.id("contract-FIXED")).isSelected()).isTrue();
        browser.findElement(By.id("grant-analysts")).sendKeys("10");
        browser.findElement(By.id("variable-max")).sendKeys("25000.00");
        save("schedule");

        type(By.id("split-total"), "12000.00");
        type(By.id("split-count"), "12");
        type(By.id("split-first"), today.plusDays(10).toString());
        click(By.id("split"));
        // The split rows are swapped in by htmx after the click returns: wait for them rather than read at once.
        assertThat(await(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#installments tr.installment"), 12)))
                .hasSize(12);
        assertThat(text("#installment-total")).isEqualTo("12000.00");
        // The live total follows what is typed, before anything is saved.
        type(By.name("Terms[0].Schedule[0].ChargeAmount"), "1001.00");
        assertThat(text("#installment-total")).isEqualTo("12001.00");
        type(By.name("Terms[0].Schedule[0].ChargeAmount"), "1000.00");
        save("eula");

        var pdf = Files.createTempFile("custom-eula", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n% Offerdesk composer test EULA\n%%EOF\n", StandardCharsets.US_ASCII);
        click(By.id("kind-custom"));
        browser.findElement(By.id("eula-file")).sendKeys(pdf.toString());
        save("validity");

        type(By.id("availabilityEndDate"), today.plusDays(5).toString());
        save("renewal");
        save("support");

        browser.findElement(By.id("refundPolicy")).sendKeys("Refunds within 30 days of each installment.");
        save("review");

        assertThat(text("#offer-preview")).contains(name, "Acme Insights", "Refunds within 30 days", GLOBEX_ACCOUNT);
        assertThat(text("#offer-preview")).doesNotContain("Negotiated in the composer test");
        assertThat(browser.findElements(By.cssSelector("#payment-schedule tbody tr")))
                .hasSize(12);
        assertThat(text("#schedule-total")).contains("12,000.00");
        assertThat(text("#term-variable-payment")).contains("Variable payments up to USD 25,000.00");
        assertThat(browser.findElement(By.id("eula-download")).getAttribute("href"))
                .endsWith(offerPath + "/eula");

        click(By.id("release"));
        await(ExpectedConditions.presenceOfElementLocated(By.id("released-notice")));
        assertThat(text("#offer-state")).isEqualTo("Released");
        assertThat(browser.findElement(By.cssSelector("h1 .offer-status")).getAttribute("data-status"))
                .isEqualTo("ACTIVE");
        assertThat(browser.findElements(By.cssSelector("#revisions tr.revision")))
                .hasSizeGreaterThanOrEqualTo(9);

        var id = offerPath.substring("/offers/".length());
        var stored = api.get("/api/v1/offers/" + id, AUTHOR).json();
        assertThat(stored.at("/offer/state").asString()).isEqualTo("Released");
        assertThat(stored.at("/offer/price/installments").asInt()).isEqualTo(12);
        assertThat(stored.at("/offer/details").toString())
                .contains("CustomEula", "/api/v1/eula-documents/", "\"MaxTotalChargeAmount\":\"25000.00\"");

        open("/offers?lang=en&name=" + name.replace(" ", "+"));
        assertThat(browser.findElements(By.cssSelector("#offers tr.offer-row[data-offer-id='" + id + "']")))
                .hasSize(1);
        assertThat(text("#offers")).contains(name, "Acme Insights", GLOBEX_ACCOUNT, "Active", "in 12 installments");
    }

    @Test
    void showsTheEnginesErrorNextToTheInstallmentsItNames() {
        var offerId = draftFor("Acme Insights");
        var date = fixtures.today().plusDays(20).toString();
        signIn(AUTHOR, PASSWORD);
        open("/offers/" + offerId + "/compose/schedule?lang=en");
        click(By.id("add-row"));
        await(ExpectedConditions.presenceOfElementLocated(By.name("Terms[0].Schedule[1].ChargeDate")));
        type(By.name("Terms[0].Schedule[0].ChargeDate"), date);
        type(By.name("Terms[0].Schedule[0].ChargeAmount"), "500.00");
        type(By.name("Terms[0].Schedule[1].ChargeDate"), date);
        type(By.name("Terms[0].Schedule[1].ChargeAmount"), "500.00");
        click(By.id("save-step"));

        await(ExpectedConditions.presenceOfElementLocated(By.id("outcome-failed")));
        var rows = browser.findElements(By.cssSelector("#installments tr.installment"));
        assertThat(rows).hasSize(2);
        for (var row : rows) {
            assertThat(row.getAttribute("class")).contains("table-danger");
            assertThat(row.findElement(By.cssSelector(".installment-error")).getText())
                    .contains("DUPLICATE_CHARGE_DATES", date);
        }
        // What was typed stays, so the seller fixes it instead of typing it again.
        assertThat(browser.findElement(By.name("Terms[0].Schedule[1].ChargeDate"))
                        .getAttribute("value"))
                .isEqualTo(date);

        type(By.name("Terms[0].Schedule[1].ChargeAmount"), "five");
        click(By.id("save-step"));
        assertThat(text("#outcome-rejected")).isNotBlank();
        assertThat(text("#installments")).contains("decimal number");
    }

    @Test
    void showsTheOfferPagesInChinese() {
        var offerId = draftFor("Acme Insights");
        signIn(AUTHOR, PASSWORD);
        open("/offers?lang=zh-CN");
        assertThat(text("h1")).isEqualTo("报价");
        assertThat(text("#offer-filters")).contains("名称包含", "到期日期范围");
        open("/offers/" + offerId + "/compose/schedule");
        assertThat(text("#step-title")).isEqualTo("分期付款");
        assertThat(text("#split-helper")).contains("平均拆分");
        open("/offers/" + offerId);
        assertThat(text("main")).contains("历史", "复制", "继续编辑");
        open("/offers/expiring");
        assertThat(text("h1")).isEqualTo("即将到期");
        open("/change-sets");
        assertThat(text("h1")).isEqualTo("变更集");
        open("/offers/new");
        assertThat(text("main")).contains("创建草稿并继续");
        open("/?lang=en");
    }

    @Test
    void changesTheExpiryRenamesAndClonesAReleasedOfferExpiringTheOriginal() {
        // Two open offers for the same buyer and product: the page warns that one should usually go.
        fixtures.releasedOffer(GLOBEX_ACCOUNT);
        var original = fixtures.releasedOffer(GLOBEX_ACCOUNT);
        var later = fixtures.today().plusDays(30);
        signIn(AUTHOR, PASSWORD);
        open("/offers/" + original + "?lang=en");
        assertThat(text("#competing-warning")).contains(GLOBEX_ACCOUNT);

        type(By.cssSelector("#expiry-form input[name=availabilityEndDate]"), later.toString());
        click(By.id("change-expiry"));
        assertThat(text("#outcome-succeeded")).isNotBlank();
        assertThat(text("#offer-expiry")).contains(later.toString());

        var renamed = OfferFixtures.unique("Renamed");
        type(By.cssSelector("#rename-form input[name=name]"), renamed);
        click(By.id("rename"));
        // The page before the click has the same element, with the old name, until the browser navigates.
        await(ExpectedConditions.textToBe(By.id("offer-name"), renamed));

        click(By.id("expire-original"));
        click(By.id("clone"));
        await(ExpectedConditions.textToBe(By.id("offer-name"), "Copy of " + renamed));
        assertThat(text("#outcome-succeeded")).isNotBlank();
        assertThat(text("#offer-state")).isEqualTo("Draft");
        assertThat(api.get("/api/v1/offers/" + original, AUTHOR)
                        .json()
                        .at("/offer/status")
                        .asString())
                .isEqualTo("EXPIRED");

        open("/change-sets?lang=en");
        click(By.cssSelector("#change-sets tbody tr a"));
        assertThat(text("#changes")).contains("CreateOffer", "UpdateAvailability");
        assertThat(browser.findElements(By.cssSelector("#changes .entity-identifier"))
                        .getFirst()
                        .getText())
                .matches("offer-[a-z0-9]{13}@1");
    }

    /** A draft with nothing but its product, as the composer's first step leaves it. */
    private String draftFor(String product) {
        var done = fixtures.run(
                AUTHOR,
                List.of(OfferFixtures.change(
                        "CreateOffer", null, null, "{\"ProductId\":\"" + fixtures.productId(product) + "\"}")));
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return done.at("/changeSet/0/entity/identifier").asString().replaceAll("@.*", "");
    }

    private void save(String nextStep) {
        click(By.id("save-step"));
        awaitStep(nextStep);
    }

    private void awaitStep(String step) {
        try {
            await(ExpectedConditions.urlContains("/compose/" + step));
        } catch (org.openqa.selenium.TimeoutException stuck) {
            throw new AssertionError("expected step " + step + " but the page says: " + text("main"), stuck);
        }
    }

    /** Clicks like a person who scrolled the element into view first; at once, as Bootstrap makes scrolling smooth. */
    /** Sets an input's value as the browser's own editor would, whatever the input type (date pickers included). */
    /** Sets the input's value as typing would, finding it again if htmx replaced it meanwhile. */
    private static void type(By input, String value) {
        await(driver -> ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].value = arguments[1];"
                                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true})); return true;",
                        driver.findElement(input),
                        value));
    }
}
