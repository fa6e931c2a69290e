package io.offerdesk.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.support.BrowserTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A seller sets its payout preference on the page, the clock pays its collected installment at midnight, the
 * operator's "run now" pays nobody twice, the operator reports the transfer failed and retries it, and the seller
 * reads the new disbursement's reconciling report in Chinese.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 26)
class DisbursementBrowserTests extends BrowserTest {

    static final String PASSWORD = "offerdesk-demo";
    static final String ACME_FINANCE = "finance@acme.example";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSellersPayoutIsPaidFailedAndRetriedOnThePages() {
        signIn(ACME_FINANCE, PASSWORD);
        open("/disbursements");
        new Select(browser.findElement(By.id("frequency-USD"))).selectByValue("DAILY");
        browser.findElement(By.id("bank-USD")).sendKeys(DisbursementTests.IBAN);
        click(By.cssSelector("#preference-USD button[type=submit]"));
        await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "USD"));
        assertThat(browser.findElement(By.id("bank-USD")).getAttribute("placeholder"))
                .isEqualTo("•••• 3000");

        var fixtures = new CollectionFixtures(api, jdbc);
        var buyer = fixtures.buyer();
        var agreement = fixtures.buy(buyer, fixtures.installmentOffer(buyer.accountId(), 1, List.of("500.00")));
        var charge = fixtures.charges(buyer.procurement(), agreement).getFirst();
        fixtures.advanceTo(Instant.parse(charge.at("/time").asString()).plusSeconds(3600));
        var invoice = fixtures.invoiceOf(agreement, charge.at("/id").asString()).orElseThrow();
        assertThat(fixtures.pay(buyer.finance(), invoice, "500.00", "browser").status())
                .isEqualTo(201);
        fixtures.advanceTo(LocalDate.ofInstant(fixtures.now(), ZoneOffset.UTC)
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plusSeconds(60));
        var paid = api.get("/api/v1/disbursements?limit=1", ACME_FINANCE).json().at("/items/0");
        var paidId = paid.at("/id").asString();

        browser.manage().deleteAllCookies();
        signIn(CollectionFixtures.OPERATOR, PASSWORD);
        open("/operator/disbursements");
        click(By.cssSelector("#run-now button"));
        // The clock's run paid every payee due today at midnight; the operator's run pays none of them again.
        assertThat(text("#run-now-result")).isEqualTo("The run paid 0 payees.");

        open("/operator/disbursements/" + paidId);
        assertThat(text("#status")).isEqualTo("Paid");
        assertThat(text("#report")).contains(invoice);
        assertThat(browser.findElement(By.id("reconciliation")).getAttribute("class"))
                .contains("text-success");
        browser.findElement(By.cssSelector("#fail-form input[name=reason]")).sendKeys("R03 no account");
        click(By.cssSelector("#fail-form button"));
        await(ExpectedConditions.textToBe(By.id("status"), "Failed"));
        click(By.cssSelector("#retry-form button"));
        await(ExpectedConditions.not(ExpectedConditions.urlContains(paidId)));
        assertThat(text("#status")).isEqualTo("Paid");
        var retryId = browser.findElement(By.cssSelector("h1 code")).getText();
        assertThat(retryId).startsWith("disb-").isNotEqualTo(paidId);

        browser.manage().deleteAllCookies();
        signIn(ACME_FINANCE, PASSWORD);
        open("/disbursements/" + retryId + "?lang=zh-CN");
        assertThat(text("#status")).isEqualTo("已支付");
        assertThat(text("#amount"))
                .isEqualTo(paid.at("/currencyCode").asString() + " "
                        + paid.at("/amount").asString());
        assertThat(text("#reconciliation")).isEqualTo("与付款金额一致");
        open("/disbursements/" + paidId);
        assertThat(text("#status")).isEqualTo("失败");
    }
}
