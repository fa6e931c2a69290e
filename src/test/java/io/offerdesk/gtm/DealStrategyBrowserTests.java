package io.offerdesk.gtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The deal strategy in a real browser: the composer shows the draft's segment, band, findings and default template on
 * every step, and the strategy page lists the rules for administrators to reorder.
 */
class DealStrategyBrowserTests extends BrowserTest {

    ApprovalFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ApprovalFixtures(api);
    }

    @Test
    void theComposerShowsTheDraftsPositionInTheDealStrategy() {
        var seller = fixtures.seller();
        var template = api.post("/api/v1/offer-templates", seller.author(), "{\"name\":\"Strategic deals\"}")
                .json()
                .at("/id")
                .asString();
        var saved = api.put("/api/v1/deal-strategy", seller.admin(), DealStrategyApiTests.strategy(template, false));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var offer = fixtures.draft(seller, "700.00");
        signIn(seller.author(), ApprovalFixtures.PASSWORD);

        open("/offers/" + offer + "/compose/buyers?lang=en");

        var panel = text("#deal-strategy-panel");
        assertThat(panel)
                .contains("Deal strategy")
                .contains("Segment Strategic (rank 1): served by private offers.")
                .contains("Discount band 10 % to 20 %; this draft gives 30 %.")
                .contains("Total contract value: USD 8400.00.")
                .contains("The discount of 30 % is above the segment's band (at most 20 %).")
                .contains("The segment's default template: Strategic deals.");
        assertThat(browser.findElement(By.cssSelector("#deal-strategy-panel .text-danger"))
                        .getText())
                .contains("above the segment's band");
        assertThat(browser.findElement(By.linkText("Start an offer from it")).getAttribute("href"))
                .endsWith("/templates/offer-templates/" + template);

        // The panel follows the author from step to step.
        click(By.id("step-pricing"));
        await(ExpectedConditions.urlContains("/compose/pricing"));
        assertThat(text("#deal-strategy-panel")).contains("Segment Strategic (rank 1)");

        click(By.linkText("Open the deal strategy"));
        await(ExpectedConditions.urlContains("/deal-strategy"));
        assertThat(text("#segment-rules")).contains("Strategic", "Mid-market", "Self-serve");
    }

    @Test
    void anAdministratorReordersTheRulesOnThePage() {
        var seller = fixtures.seller();
        var template = api.post("/api/v1/offer-templates", seller.author(), "{\"name\":\"Strategic deals\"}")
                .json()
                .at("/id")
                .asString();
        assertThat(api.put("/api/v1/deal-strategy", seller.admin(), DealStrategyApiTests.strategy(template, false))
                        .status())
                .isEqualTo(200);
        signIn(seller.admin(), ApprovalFixtures.PASSWORD);
        open("/deal-strategy?lang=en");
        assertThat(text("tr.segment-rule[data-rank='1'] .rule-name")).isEqualTo("Strategic");

        click(By.cssSelector("tr.segment-rule[data-rank='2'] .move-up"));

        await(ExpectedConditions.textToBe(By.cssSelector("tr.segment-rule[data-rank='1'] .rule-name"), "Mid-market"));
        assertThat(text("tr.segment-rule[data-rank='2'] .rule-name")).isEqualTo("Strategic");
        assertThat(api.get("/api/v1/deal-strategy", seller.author())
                        .json()
                        .at("/rules")
                        .findValuesAsString("name"))
                .containsExactly("Mid-market", "Strategic", "Self-serve");
    }
}
