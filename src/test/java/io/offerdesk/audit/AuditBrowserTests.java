package io.offerdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

class AuditBrowserTests extends BrowserTest {

    @Test
    void theOperatorFiltersTheTrailAndVerifiesTheChainInPlace() {
        signIn("operator@offerdesk.example", "offerdesk-demo");
        open("/audit?lang=en&entityType=party");
        assertThat(browser.findElements(By.cssSelector("#audit-entries tbody tr")))
                .isNotEmpty();
        assertThat(text("#audit-entries tbody")).contains("PartyOnboarded").doesNotContain("UserInvited");

        browser.findElement(By.id("verify-chain")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("verification-result")));
        assertThat(text("#verification-result")).contains("The chain is intact");
        assertThat(text("#head-hash")).hasSize(64);
    }
}
