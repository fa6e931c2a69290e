package io.offerdesk.ledger;

import static io.offerdesk.ledger.LedgerFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class LedgerBrowserTests extends BrowserTest {

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theOperatorFiltersBalancesAndRunsTheCheckInPlace() {
        var globex = UUID.fromString(api.get("/api/v1/parties/me", "finance@globex.example")
                .json()
                .at("/id")
                .asString());
        var jpy = CurrencyUnit.JPY;
        new LedgerFixtures(ledger, transactions)
                .post(LedgerFixtures.invoice(
                        key("invoice"), globex, Money.ofMajor(jpy, 12_000), Money.ofMajor(jpy, 1_200)));
        var receivable = ledger.balance(new LedgerAccount(globex, AccountRole.BUYER_RECEIVABLE, jpy));

        signIn("operator@offerdesk.example", "offerdesk-demo");
        open("/operator/ledger?lang=en");
        new Select(browser.findElement(By.id("owner"))).selectByVisibleText("Globex Corporation");
        new Select(browser.findElement(By.id("currency"))).selectByValue("JPY");
        click(By.cssSelector("#account-filters button[type=submit]"));

        // The filtered table is swapped in after the click: read the receivable row once it is Globex's in yen.
        var row = await(driver -> {
            var found = driver.findElement(By.cssSelector("#ledger-accounts tr[data-role=BUYER_RECEIVABLE]"));
            var text = found.getText();
            return text.contains("Globex") && text.contains("JPY") ? text : null;
        });
        assertThat(row).contains("Globex", "Buyer receivable", "JPY");
        assertThat(text("#ledger-accounts tr[data-role=BUYER_RECEIVABLE] .net"))
                .isEqualTo(receivable.net().getAmount().toPlainString());
        List<String> currencies =
                await(driver -> driver.findElements(By.cssSelector("#ledger-accounts tbody tr[data-currency]")).stream()
                        .map(r -> r.getAttribute("data-currency"))
                        .toList());
        assertThat(currencies).containsOnly("JPY");

        var shown = browser.findElement(By.id("check-result"));
        click(By.id("run-check"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(shown));
        assertThat(text("#check-facts")).contains("on request");
        assertThat(text("#check-status")).startsWith("The books balance");
        assertThat(text("#check-totals")).contains("JPY");

        open("/operator/ledger?lang=zh-CN");
        assertThat(text("h1")).isEqualTo("总账");
        assertThat(text("#run-check")).isEqualTo("立即检查");
        assertThat(text("#check-status")).startsWith("账目平衡");
    }

    @Test
    void theLedgerPageIsTheOperatorsOnly() {
        signIn("finance@globex.example", "offerdesk-demo");
        open("/operator/ledger?lang=en");
        assertThat(browser.findElements(By.id("ledger-accounts"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href='/operator/ledger']")))
                .isEmpty();
    }
}
