package io.offerdesk.offers;

import static io.offerdesk.offers.OfferFixtures.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The walk-through as the buyer lives it: Acme authorizes Northwind to sell to Globex at 20% off list; Northwind
 * marks its CPPO up by 8% and bundles it with its migration service; Globex's procurement user reviews the bundle in
 * the browser — partner as seller of record, Acme as publisher, no wholesale price — and accepts it in one step.
 */
class CppoBundleBrowserTests extends BrowserTest {

    /** Acme's list price per analyst for twelve months. */
    private static final String LIST_PRICE = "1200";

    @Test
    void theBuyerAcceptsTheBundleOfACppoAndThePartnersServiceInOneStep() {
        var resale = new ResaleOfferFixtures(api);
        var authorization = resale.discountAuthorization(resale.saasProduct(), "20");
        var cppo = resale.cppoDraft(authorization, "8", false);
        var services = resale.servicesDraft();
        var set = api.finishedChangeSet(
                ResaleOfferFixtures.PARTNER,
                api.post(
                        "/api/v1/offer-sets",
                        ResaleOfferFixtures.PARTNER,
                        "{\"name\":\"Insights with migration\",\"offerIds\":[\"%s\",\"%s\"],\"release\":true}"
                                .formatted(cppo, services)));
        assertThat(set.at("/status").asString()).as(set.toString()).isEqualTo("SUCCEEDED");
        var setId = ResaleOfferFixtures.id(set);

        signIn(GLOBEX, "offerdesk-demo");
        open("/buyer/offer-sets/" + setId);
        var resold = member(cppo);
        assertThat(resold.findElement(By.cssSelector(".member-seller")).getText())
                .isEqualTo("Northwind Resellers");
        assertThat(resold.findElement(By.cssSelector(".member-publisher")).getText())
                .isEqualTo("Acme Analytics");
        assertThat(member(services)
                        .findElement(By.cssSelector(".member-publisher"))
                        .getText())
                .isEqualTo("Northwind Resellers");
        resold.findElement(By.cssSelector("input[name$='quantity.analysts']")).clear();
        resold.findElement(By.cssSelector("input[name$='quantity.analysts']")).sendKeys("5");
        click(By.id("update-charges"));

        // 1200 off 20% is 960 wholesale; marked up 8%, 1036.80 per analyst: 5184.00 for five, never 4800.00.
        // The update reloads the members: wait for the new total rather than read the old element.
        var total = ".offer-set-member[data-offer-id='" + cppo + "'] .member-total";
        await(ExpectedConditions.textToBe(By.cssSelector(total), "USD 5,184.00"));
        assertThat(text(total)).isEqualTo("USD 5,184.00");
        assertThat(browser.getPageSource()).doesNotContain("4,800.00", "960.00", LIST_PRICE + ".00");
        click(By.id("eula-acknowledged"));
        click(By.id("accept-offer-set"));

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("offer-set-accepted")));
        var agreementIds = browser.findElements(By.cssSelector(".accepted-agreement")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(agreementIds).hasSize(2).allMatch(id -> id.startsWith("agmt-"));
        for (var agreementId : agreementIds) {
            var agreement = api.get("/api/v1/agreements/" + agreementId, GLOBEX).json();
            assertThat(agreement.at("/offerSetId").asString()).isEqualTo(setId);
            assertThat(agreement.at("/sellerOfRecord/name").asString()).isEqualTo("Northwind Resellers");
            assertThat(agreement.at("/wholesale").isNull()).isTrue();
        }
        var bought = api.get("/api/v1/agreements/" + agreementIds.getFirst(), ResaleOfferFixtures.PARTNER)
                .json();
        assertThat(bought.at("/offerId").asString()).isEqualTo(cppo);
        assertThat(bought.at("/estimatedCharges/agreementValue").asString()).isEqualTo("5184.00");
        assertThat(bought.at("/charges").findValuesAsString("wholesaleAmount")).containsExactly("4800.00");
        assertThat(api.get("/api/v1/agreements/" + agreementIds.getFirst(), ResaleOfferFixtures.ISV)
                        .json()
                        .at("/estimatedCharges/agreementValue")
                        .asString())
                .isEqualTo("4800.00");
    }

    private static WebElement member(String offerId) {
        return browser.findElement(By.cssSelector(".offer-set-member[data-offer-id='" + offerId + "']"));
    }
}
