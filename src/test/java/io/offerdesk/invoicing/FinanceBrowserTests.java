package io.offerdesk.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A buyer's finance user finds an invoice in the list, opens it and pays it (simulation), in English and in Chinese;
 * the seller reads its billed revenue and receivables charted by month.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 15)
class FinanceBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFinanceUserPaysInvoicesFromTheListInEnglishAndInChineseAndTheSellerSeesItsRevenueCharted() {
        var fixtures = new FinanceFixtures(api, jdbc);
        var buyer = fixtures.buyer();
        var seller = fixtures.seller();
        var agreementId = fixtures.agreement(seller, buyer);
        var installments = fixtures.installments(buyer, agreementId);
        fixtures.invoiceInstallment(installments.get(0));
        var latest = fixtures.invoiceInstallment(installments.get(1));
        var invoices = fixtures.invoiceIds(seller, agreementId);
        assertThat(invoices).hasSize(2);

        signIn(buyer.finance(), FinanceFixtures.PASSWORD);
        open("/buyer/invoices?lang=en");
        assertThat(text("main h1")).isEqualTo("Invoices");
        assertThat(browser.findElements(By.cssSelector("#invoices tbody tr"))).hasSize(2);
        payFromTheList(invoices.get(0), "Paid");

        open("/buyer/invoices?lang=zh-CN");
        assertThat(text("main h1")).isEqualTo("发票");
        assertThat(text("#invoices [data-invoice-id='" + invoices.get(0) + "'] .invoice-status"))
                .isEqualTo("已付款");
        payFromTheList(invoices.get(1), "已付款");
        // Filtered by status, the list keeps the paid ones.
        open("/buyer/invoices?status=OPEN");
        assertThat(browser.findElements(By.id("no-invoices"))).hasSize(1);
        open("/buyer/invoices?status=PAID");
        assertThat(browser.findElements(By.cssSelector("#invoices tbody tr"))).hasSize(2);

        browser.manage().deleteAllCookies();
        signIn(seller, FinanceFixtures.PASSWORD);
        var month = YearMonth.from(latest.atZone(ZoneOffset.UTC));
        open("/seller/revenue?lang=en&from=%s&to=%s".formatted(month.minusMonths(2), month));
        assertThat(text("main h1")).isEqualTo("Revenue and receivables");
        chartDrawn("revenue-chart-USD");
        chartDrawn("aging-chart-USD");
        assertThat(browser.findElement(By.id("revenue-chart-USD")).getAttribute("data-chart"))
                .contains("Billed", "Collected", "Open at month end", "1000.00");
        click(By.cssSelector(".revenue-currency summary"));
        assertThat(text("#revenue-table-USD [data-month='" + month + "'] .month-billed"))
                .isEqualTo("USD 1,000.00");
        assertThat(text("#revenue-table-USD [data-month='" + month + "'] .month-open"))
                .isEqualTo("USD 0.00");

        open("/seller/revenue?lang=zh-CN&from=%s&to=%s".formatted(month.minusMonths(2), month));
        assertThat(text("main h1")).isEqualTo("收入与应收账款");
        chartDrawn("revenue-chart-USD");
        assertThat(browser.findElement(By.id("revenue-chart-USD")).getAttribute("data-chart"))
                .contains("已开票", "已收款", "月末未结");
        open("/seller/revenue?lang=en");
    }

    /** Opens the invoice from the list, pays it with the collections panel's button and sees it paid. */
    private void payFromTheList(String invoiceId, String paid) {
        click(By.cssSelector("#invoices [data-invoice-id='" + invoiceId + "'] a.invoice-link"));
        assertThat(text("#invoice-id")).isEqualTo(invoiceId);
        assertThat(text("#invoice-total")).isEqualTo("USD 1,000.00");
        assertThat(browser.findElements(By.cssSelector("#lines-table tbody tr")))
                .hasSize(1);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("pay-invoice-submit")));
        click(By.id("pay-invoice-submit"));
        wait.until(ExpectedConditions.attributeToBe(By.id("invoice-status"), "data-status", "PAID"));
        assertThat(text("#invoice-status")).isEqualTo(paid);
        assertThat(browser.findElements(By.id("pay-invoice-submit"))).isEmpty();
        click(By.id("back-to-invoices"));
    }

    private static void chartDrawn(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " canvas")));
    }
}
