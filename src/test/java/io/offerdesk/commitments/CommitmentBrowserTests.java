package io.offerdesk.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.commitments.CommitmentFixtures.Installment;
import io.offerdesk.support.BrowserTest;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A buyer's finance user records a commitment on the page, an installment of its organization is invoiced, and the
 * commitment's page shows the progress in English and Chinese; the buyer's dashboard fragment shows it too. Then the
 * agreement is put on a cost center on the page, and the month's chargeback and the insights show the spend.
 */
// Moves the shared simulated clock forward: runs after the tests that do not (junit-platform.properties).
@Order(Order.DEFAULT + 31)
class CommitmentBrowserTests extends BrowserTest {

    @Test
    void aFinanceUserRecordsACommitmentAndSeesItsProgress() {
        var fixtures = new CommitmentFixtures(api);
        var seller = fixtures.onboard("SELLER", "isv");
        var buyer = fixtures.onboard("BUYER", "buyer");
        var finance = fixtures.invite(buyer, "finance", "FINANCE");
        var procurement = fixtures.invite(buyer, "procurement", "PROCUREMENT");
        var today = fixtures.today();

        signIn(finance, CommitmentFixtures.PASSWORD);
        open("/buyer/commitments?lang=en");
        browser.findElement(By.id("name")).sendKeys("Browser EDP");
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = arguments[1];",
                        browser.findElement(By.id("startDate")),
                        today.toString());
        browser.findElement(By.id("yearlyCommitments")).sendKeys("40000.00, 60000.00");
        click(By.id("record-commitment"));
        await(ExpectedConditions.presenceOfElementLocated(By.id("commitment-recorded")));
        assertThat(text("#commitment-name")).isEqualTo("Browser EDP");
        assertThat(text("#year-1 .year-cap")).isEqualTo("USD 10,000.00");
        assertThat(text("#year-2 .year-cap")).isEqualTo("USD 15,000.00");
        assertThat(text("#year-1 .year-counted")).isEqualTo("USD 0.00");
        var id = String.valueOf(browser.getCurrentUrl())
                .replaceAll(".*/buyer/commitments/", "")
                .replaceAll("\\?.*", "");

        // The organization buys; its first installment is invoiced the next day.
        var offer = fixtures.offer(
                seller,
                buyer,
                fixtures.product(seller, "SAAS"),
                List.of(new Installment(today.plusDays(1), "7500.00"), new Installment(today.plusDays(30), "7500.00")));
        var agreement = fixtures.accept(procurement, buyer, offer);
        fixtures.advanceTo(today.plusDays(1), 1);
        for (int attempt = 0;
                attempt < 600
                        && api.get("/api/v1/buyer/commitments/" + id + "/spend", finance)
                                .json()
                                .at("/items")
                                .isEmpty();
                attempt++) {
            sleep();
        }

        open("/buyer/commitments/" + id + "?lang=en");
        assertThat(text("#year-1 .year-counted")).isEqualTo("USD 7,500.00");
        assertThat(text("#year-1 .year-headroom")).isEqualTo("USD 2,500.00");
        assertThat(text("#milestones-reached")).contains("50 %").contains("75 %");
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#commitment-chart canvas")));

        open("/buyer/commitments/" + id + "?lang=zh_CN");
        assertThat(text("h2")).isEqualTo("进度");
        assertThat(text("#year-1 .year-counted")).isEqualTo("USD 7,500.00");

        open("/buyer/commitments/summary?lang=en");
        assertThat(text("#summary-" + id))
                .contains("USD 7,500.00 / USD 10,000.00")
                .contains("75%");

        // The same finance user puts the agreement on a cost center: the month's chargeback adds up to the month's
        // invoices, and the insights chart the spend.
        open("/buyer/cost-centers?lang=en");
        browser.findElement(By.id("cost-center-code")).sendKeys("ENG-1");
        browser.findElement(By.id("cost-center-name")).sendKeys("Engineering");
        click(By.cssSelector("#define-cost-center button[type=submit]"));
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assign-cost-center option[value^='cc-']")));
        browser.findElement(By.id("assign-agreement-id")).sendKeys(agreement);
        new Select(browser.findElement(By.id("assign-cost-center"))).selectByVisibleText("ENG-1 — Engineering");
        click(By.cssSelector("#assign-agreement button[type=submit]"));
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("assignments"), agreement));

        var month = YearMonth.from(today.plusDays(1));
        var invoiced = api.get(
                        "/api/v1/invoices?issuedFrom=" + month.atDay(1) + "&issuedTo=" + month.atEndOfMonth(), finance)
                .json()
                .at("/invoices");
        assertThat(invoiced.size()).isEqualTo(1);
        open("/buyer/chargeback?month=" + month + "&lang=en");
        assertThat(text(".chargeback-total td")).isEqualTo("ENG-1");
        assertThat(text(".chargeback-grand-total"))
                .isEqualTo(invoiced.get(0).at("/total").asString());
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chargeback-chart canvas")));

        open("/buyer/insights?lang=zh_CN");
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".dashboard-chart canvas")));
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#summary-" + id)));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
