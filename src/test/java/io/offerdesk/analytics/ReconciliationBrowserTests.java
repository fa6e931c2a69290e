package io.offerdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.CollectionFixtures;
import io.offerdesk.support.BrowserTest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Acme's finance user reads its reconciliation report for a product it was just paid for, charted, in English and in
 * Chinese, regroups it by month with the form, sees its payables tie out and opens the fee statement.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 27)
class ReconciliationBrowserTests extends BrowserTest {

    static final String ACME_FINANCE = "finance@acme.example";
    static final String ACME_PASSWORD = "offerdesk-demo";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSellerReadsItsReconciliationChartedWithItsTieOutAndItsFeeStatement() {
        var fixtures = new CollectionFixtures(api, jdbc);
        var buyer = fixtures.buyer();
        var agreement = fixtures.buy(buyer, fixtures.installmentOffer(buyer.accountId(), 1, List.of("1000.00")));
        var charge = fixtures.charges(buyer.procurement(), agreement).getFirst();
        var issued = Instant.parse(charge.at("/time").asString()).plusSeconds(3600);
        if (issued.isAfter(fixtures.now())) {
            fixtures.advanceTo(issued);
        }
        var invoice = fixtures.invoiceOf(agreement, charge.at("/id").asString()).orElseThrow();
        assertThat(fixtures.pay(buyer.finance(), invoice, "1000.00", "browser").status())
                .isEqualTo(201);
        var product = jdbc.sql("SELECT DISTINCT product_id FROM invoicing.invoice_line WHERE agreement_id = ?")
                .param(agreement)
                .query(String.class)
                .single();
        var month = YearMonth.from(fixtures.now().atZone(ZoneOffset.UTC));

        signIn(ACME_FINANCE, ACME_PASSWORD);
        open("/reports/reconciliation?lang=en&groupBy=PRODUCT&productId=%s&from=%s&to=%s"
                .formatted(product, month.minusMonths(1), month));
        assertThat(text("main h1")).isEqualTo("Reconciliation: billed, collected, disbursed");
        chartDrawn("reconciliation-chart-USD");
        assertThat(browser.findElement(By.id("reconciliation-chart-USD")).getAttribute("data-chart"))
                .contains("Billed", "Collected", "Fees", "Disbursed", "1000.00");
        var row = "#reconciliation-table-USD [data-key='" + product + "'] ";
        assertThat(text(row + ".row-billed")).isEqualTo("1000.00");
        assertThat(text(row + ".row-collected")).isEqualTo("1000.00");
        assertThat(text(row + ".row-fees")).isEqualTo("30.00");
        assertThat(text(row + ".row-payable")).isEqualTo("970.00");
        assertThat(text("#tie-out-status")).isEqualTo("Every payable ties out to the cent.");
        assertThat(browser.findElements(By.cssSelector("#tie-out-table .check-broken")))
                .isEmpty();
        assertThat(browser.findElement(By.id("aging-link")).getAttribute("href"))
                .endsWith("/seller/revenue");
        assertThat(browser.findElement(By.id("reconciliation-csv")).getAttribute("href"))
                .contains("/reports/reconciliation.csv", "productId=" + product);

        // Regrouped by month with the form: the product's month carries its figures.
        new Select(browser.findElement(By.id("report-group"))).selectByValue("MONTH");
        click(By.id("show-report"));
        await(ExpectedConditions.urlContains("groupBy=MONTH"));
        assertThat(new Select(browser.findElement(By.id("report-product")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(product);
        assertThat(text("#reconciliation-table-USD [data-key='" + month + "'] .row-fees"))
                .isEqualTo("30.00");

        open("/reports/reconciliation?lang=zh-CN&groupBy=PRODUCT&productId=%s&from=%s&to=%s"
                .formatted(product, month.minusMonths(1), month));
        assertThat(text("main h1")).isEqualTo("对账：开票、收款、付款");
        chartDrawn("reconciliation-chart-USD");
        assertThat(browser.findElement(By.id("reconciliation-chart-USD")).getAttribute("data-chart"))
                .contains("已开票", "已收款", "费用", "已付款");
        assertThat(text("#tie-out-status")).isEqualTo("每个应付账户都精确到分核对一致。");

        open("/reports/fees?lang=en&month=" + month);
        assertThat(text("main h1")).isEqualTo("Listing fee statement");
        assertThat(text("#fees-table [data-invoice='" + invoice + "'] .fee-amount"))
                .isEqualTo("30.00");
        chartDrawn("fees-chart");
        open("/reports/reconciliation?lang=en");
    }

    private static void chartDrawn(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " canvas")));
    }
}
