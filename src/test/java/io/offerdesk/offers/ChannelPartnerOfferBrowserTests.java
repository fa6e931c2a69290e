package io.offerdesk.offers;

import static io.offerdesk.offers.ResaleOfferFixtures.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import java.util.ArrayList;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The channel partner's composer in a real browser: from a resale authorization to a marked-up price. */
class ChannelPartnerOfferBrowserTests extends BrowserTest {

    @Test
    void theMarginCalculatorFollowsTheTypedMarkupAndApplyingItSavesTheBuyerPrices() {
        var fixtures = new ResaleOfferFixtures(api);
        var authorization = fixtures.authorization(fixtures.saasProduct(), 30);
        signIn(PARTNER, "offerdesk-demo");

        open("/offers/new?lang=en");
        click(By.id("create-from-" + authorization));
        await(ExpectedConditions.urlContains("/compose/buyers"));
        var offerPath =
                Objects.requireNonNull(browser.getCurrentUrl()).replaceAll("^.*(/offers/offer-[a-z0-9]{13}).*$", "$1");
        open(offerPath + "/compose/pricing?lang=en");
        assertThat(text("#margin-lines")).contains("1000.00 USD", "333.33 USD");

        typeMarkup("8");
        await(ExpectedConditions.textToBe(By.id("total-margin"), "106.67 USD"));
        // 1000.00 × 1.1 and 333.33 × 1.1 = 366.663, one rounding each: margins 100.00 and 33.33.
        typeMarkup("10");
        await(ExpectedConditions.textToBe(By.id("total-margin"), "133.33 USD"));
        assertThat(text("#margin-lines")).contains("1100.00 USD", "366.66 USD");

        click(By.id("apply-markup"));
        await(ExpectedConditions.urlContains("/compose/schedule"));
        var details = api.get("/api/v1/offers/" + offerPath.replace("/offers/", ""), PARTNER)
                .json()
                .at("/offer/details");
        assertThat(details.at("/MarkupPercentage").asString()).isEqualTo("10");
        var amounts = new ArrayList<String>();
        details.at("/Terms")
                .forEach(term -> term.at("/Schedule")
                        .forEach(
                                charge -> amounts.add(charge.at("/ChargeAmount").asString())));
        assertThat(amounts).containsExactly("1100.00", "366.66");
    }

    /** Types as a person would: the input event is what the calculator listens to. */
    private static void typeMarkup(String percentage) {
        var input = browser.findElement(By.id("markup-percentage"));
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = arguments[1];"
                                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                        input,
                        percentage);
    }
}
