package io.offerdesk.parties;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import io.offerdesk.support.Onboarding;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operator gives a party its own API allowance on the party's page (ADR 0045), as the API does: the page shows
 * what applies, takes a new allowance, refuses a bad one naming the field, and goes back to the default. A fresh party,
 * so that no other test's requests meet the limit set here.
 */
class PartyRateLimitBrowserTests extends BrowserTest {

    @Test
    void theOperatorSetsAndResetsAPartysAllowanceOnItsPage() {
        var party = new Onboarding(api).party("SELLER", "Allowance Seller", "allowance", '5');
        var page = "/parties/" + party.partyId();
        var limitApi = "/api/v1/rate-limits/" + party.partyId();
        try {
            signIn(Onboarding.OPERATOR, "offerdesk-demo");
            open(page + "?lang=en");
            assertThat(text("#rate-limit-current")).startsWith("The deployment's default: 12,000 requests a minute");

            setAllowance("600", "100");
            await(ExpectedConditions.presenceOfElementLocated(By.id("rate-limit-saved")));
            assertThat(text("#rate-limit-current"))
                    .isEqualTo(
                            "Set by the operator: 600 requests a minute, bursts of 100, for /api and /aws together.");
            var set = api.get(limitApi, Onboarding.OPERATOR).json();
            assertThat(set.at("/requestsPerMinute").asLong()).isEqualTo(600);
            assertThat(set.at("/burst").asLong()).isEqualTo(100);
            assertThat(set.at("/overridden").asBoolean()).isTrue();

            // past the browser's own check, the server's names the field and changes nothing
            ((JavascriptExecutor) browser)
                    .executeScript("document.getElementById('requestsPerMinute').removeAttribute('min');");
            setAllowance("0", "100");
            assertThat(text(".alert-danger")).contains("requestsPerMinute");
            assertThat(api.get(limitApi, Onboarding.OPERATOR)
                            .json()
                            .at("/requestsPerMinute")
                            .asLong())
                    .isEqualTo(600);

            click(By.id("reset-rate-limit"));
            await(ExpectedConditions.presenceOfElementLocated(By.id("rate-limit-reset")));
            assertThat(text("#rate-limit-current")).startsWith("The deployment's default");
            assertThat(browser.findElements(By.id("reset-rate-limit"))).isEmpty();
            assertThat(api.get(limitApi, Onboarding.OPERATOR)
                            .json()
                            .at("/overridden")
                            .asBoolean())
                    .isFalse();

            open(page + "?lang=zh-CN");
            assertThat(text("#rate-limit h2")).isEqualTo("API 配额");
            assertThat(text("#rate-limit-current")).startsWith("部署默认值");
        } finally {
            api.delete(limitApi, Onboarding.OPERATOR);
        }
    }

    @Test
    void aTenantsAdministratorDoesNotSeeTheAllowanceOnItsOwnPage() {
        signIn("admin@acme.example", "offerdesk-demo");
        open("/organization?lang=en");
        assertThat(text("h1")).contains("Acme");
        assertThat(browser.findElements(By.id("rate-limit"))).isEmpty();
    }

    private void setAllowance(String requestsPerMinute, String burst) {
        var rate = browser.findElement(By.id("requestsPerMinute"));
        rate.clear();
        rate.sendKeys(requestsPerMinute);
        var burstField = browser.findElement(By.id("burst"));
        burstField.clear();
        burstField.sendKeys(burst);
        click(By.id("set-rate-limit"));
    }
}
