package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import io.offerdesk.support.Onboarding;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator sets and clears the simulator's controls on the simulation page, for a party of the test's own: a
 * fault with a modeled error (and a refused one, naming the field and the operation's errors), the next change set's
 * failure and a change-set delay; the REST API sees what the page set; the sections read in Chinese too.
 */
class SimulatorControlsBrowserTests extends BrowserTest {

    static final String OPERATOR = Onboarding.OPERATOR;

    @Test
    void theOperatorSetsAndClearsFaultsChangeSetFailuresAndDelaysOnThePage() {
        var party = new Onboarding(api)
                .party("SELLER", "Simulated", "simulated", '6')
                .partyId()
                .toString();
        signIn(OPERATOR, "offerdesk-demo");
        open("/simulation");

        fill("fault-party", party);
        new Select(browser.findElement(By.id("fault-service"))).selectByVisibleText("marketplace-entitlement");
        fill("fault-operation", "GetEntitlements");
        fill("fault-error", "ConflictException");
        click(By.cssSelector("#fault-form button[type=submit]"));
        var refusal = await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-danger")))
                .getText();
        assertThat(refusal).contains("errorCode").contains("InternalServiceErrorException");

        fill("fault-party", party);
        new Select(browser.findElement(By.id("fault-service"))).selectByVisibleText("marketplace-entitlement");
        fill("fault-operation", "GetEntitlements");
        fill("fault-error", "InternalServiceErrorException");
        fill("fault-calls", "2");
        click(By.cssSelector("#fault-form button[type=submit]"));
        var fault = await(ExpectedConditions.visibilityOfElementLocated(row("faults", party)))
                .getText();
        assertThat(fault)
                .contains("GetEntitlements")
                .contains("InternalServiceErrorException")
                .contains("2");
        assertThat(api.get("/api/v1/simulation/faults", OPERATOR)
                        .json()
                        .at("/faults")
                        .findValuesAsString("partyId"))
                .contains(party);

        fill("failure-party", party);
        fill("failure-entity", "offer-simulated" + UUID.randomUUID().toString().substring(0, 8));
        fill("failure-code", "INCOMPATIBLE_PRICING");
        click(By.cssSelector("#change-set-failure-form button[type=submit]"));
        assertThat(await(ExpectedConditions.visibilityOfElementLocated(row("change-set-failures", party)))
                        .getText())
                .contains("INCOMPATIBLE_PRICING");

        fill("delay-party", party);
        fill("delay-delay", "PT30S");
        click(By.cssSelector("#change-set-delay-form button[type=submit]"));
        assertThat(await(ExpectedConditions.visibilityOfElementLocated(row("change-set-delays", party)))
                        .getText())
                .contains("PT30S");
        assertThat(api.get("/api/v1/simulation/change-set-failures", OPERATOR)
                        .json()
                        .at("/changeSetFailures")
                        .findValuesAsString("partyId"))
                .contains(party);

        open("/simulation?lang=zh-CN");
        assertThat(browser.findElements(By.tagName("h2")).stream().map(h -> h.getText()))
                .contains("AWS 操作的故障", "失败的变更集", "延迟的变更集");

        for (var table : new String[] {"faults", "change-set-failures", "change-set-delays"}) {
            var clear = browser.findElement(By.xpath(rowPath(table, party) + "//button"));
            click(By.xpath(rowPath(table, party) + "//button"));
            // the page reloads: the old row goes stale first, then the new page has none
            await(ExpectedConditions.stalenessOf(clear));
            await(ExpectedConditions.invisibilityOfElementLocated(row(table, party)));
        }
        assertThat(api.get("/api/v1/simulation/faults", OPERATOR).body()).doesNotContain(party);
        assertThat(api.get("/api/v1/simulation/change-set-failures", OPERATOR).body())
                .doesNotContain(party);
    }

    private static void fill(String id, String value) {
        var input = await(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        input.clear();
        input.sendKeys(value);
    }

    private static By row(String table, String party) {
        return By.xpath(rowPath(table, party));
    }

    private static String rowPath(String table, String party) {
        return "//table[@id='" + table + "']//tr[td/code[text()='" + party + "']]";
    }
}
