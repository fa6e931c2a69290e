package io.offerdesk.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.support.BrowserTest;
import java.net.URI;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The private-marketplace story through the pages, as a new user would try it: the administrator enables an experience
 * that allows one product; the procurement user is refused another product, requests it from the refusal, the
 * administrator approves it from the notification, and the acceptance then succeeds. The buyer is one of the test's own:
 * an experience on the demo buyer would refuse other tests' purchases if this test stopped half-way.
 */
class PrivateMarketplaceBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdministratorAllowsOneProductAndApprovesTheRequestForAnother() {
        var buyer = new CollectionFixtures(api, jdbc).buyer();
        var agreements = new AgreementFixtures(api);
        var allowed = agreements.saasProduct();
        var requested = agreements.saasProduct();
        var offer = agreements.installmentOffer(requested, buyer.accountId());

        signIn(buyer.admin(), CollectionFixtures.PASSWORD);
        open("/governance/experiences?lang=en");
        browser.findElement(By.id("name")).sendKeys("Approved software");
        click(By.id("create-experience-submit"));
        await(ExpectedConditions.urlMatches(".*/governance/experiences/exp-[a-z0-9]{13}$"));
        var experience = text("#experience-id");
        browser.findElement(By.id("productIds")).sendKeys(allowed);
        browser.findElement(By.id("notes")).sendKeys("Standard tool");
        click(By.id("allow-products"));
        await(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".allowed-product[data-product-id='" + allowed + "']")));
        new Select(browser.findElement(By.id("principal")))
                .selectByValue(buyer.partyId().toString());
        click(By.id("associate-audience"));
        await(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".principal[data-principal='" + buyer.partyId() + "']")));
        click(By.id("toggle-experience"));
        await(ExpectedConditions.textToBe(By.cssSelector(".experience-status"), "Enabled"));

        open("/governance/offers?lang=en");
        assertThat(text(".governed-offer[data-offer-id='" + offer + "'] .account-verdict"))
                .contains("Not allowed");

        browser.manage().deleteAllCookies();
        signIn(buyer.procurement(), CollectionFixtures.PASSWORD);
        open("/buyer/products/" + requested + "?lang=en");
        assertThat(text("#not-allowed")).contains("Not allowed by your private marketplace");
        open("/buyer/offers/" + offer + "?lang=en");
        click(By.id("accept-offer"));
        click(By.id("request-quote"));
        await(ExpectedConditions.urlContains("/buyer/agreement-requests/ar-"));
        var review = URI.create(Objects.requireNonNull(browser.getCurrentUrl())).getPath();
        click(By.id("eula-acknowledged"));
        click(By.id("accept"));
        assertThat(text("#refusal-reason")).isEqualTo("DENIED_BY_PRIVATE_MARKETPLACE_POLICY");
        click(By.id("request-product-link"));
        await(ExpectedConditions.urlContains("/governance/my-requests"));
        assertThat(browser.findElement(By.id("productId")).getAttribute("value"))
                .isEqualTo(requested);
        browser.findElement(By.id("justification")).sendKeys("The data team needs it for the Q3 analysis");
        click(By.id("request-product"));
        assertThat(text("#requested-notice")).startsWith("Request pmpreq-");
        assertThat(text("#my-product-requests .request-status")).isEqualTo("Pending");

        browser.manage().deleteAllCookies();
        signIn(buyer.admin(), CollectionFixtures.PASSWORD);
        open("/?lang=en");
        await(ExpectedConditions.presenceOfElementLocated(By.id("unread-count")));
        click(By.id("inbox-link"));
        assertThat(text(".notification .notification-message")).contains(requested);
        click(By.cssSelector(".notification .open-notification"));
        await(ExpectedConditions.urlContains("/governance/requests/pmpreq-"));
        browser.findElement(By.name("comment")).sendKeys("Approved for the data team");
        click(By.cssSelector(".approve-request"));
        await(ExpectedConditions.presenceOfElementLocated(By.id("outcome-succeeded")));
        open("/governance/experiences/" + experience + "?lang=en");
        assertThat(browser.findElements(By.cssSelector(".allowed-product[data-product-id='" + requested + "']")))
                .hasSize(1);

        browser.manage().deleteAllCookies();
        signIn(buyer.procurement(), CollectionFixtures.PASSWORD);
        open("/governance/my-requests?lang=zh-CN");
        assertThat(text("#my-product-requests .request-status")).isEqualTo("已批准");
        open(review + "?lang=en");
        click(By.id("eula-acknowledged"));
        click(By.id("accept"));
        await(ExpectedConditions.urlContains("/buyer/agreements/agmt-"));
        assertThat(text("#accepted-notice")).isNotBlank();
    }
}
