package io.offerdesk.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real browser against the running application: Debian's headless Chromium driven by its ChromeDriver. Where no
 * browser is installed the tests are skipped with the reason printed; CI installs both, so there they always run.
 */
@EndToEndTest
public abstract class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    protected static WebDriver browser;

    @Autowired
    protected TestApi api;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            var reason = "Browser tests skipped: install Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + ")";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        var options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1366,900",
                        "--user-data-dir=" + Files.createTempDirectory("offerdesk-chromium"));
        // Naming the driver executable keeps Selenium Manager from trying to download one.
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @BeforeEach
    void startSignedOut() {
        browser.manage().deleteAllCookies();
    }

    protected void open(String path) {
        browser.get(api.baseUrl() + path);
    }

    protected void signIn(String email, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Clicks an element after scrolling it to the middle of the window, where no sticky bar can cover it. */
    protected static void click(By element) {
        var found = browser.findElement(element);
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", found);
        found.click();
    }

    /**
     * Waits up to thirty seconds for a condition: a click returns before the page it submits has loaded on a busy
     * machine, htmx swaps content in after the page loads, and a change set's outcome shows once the engine ran it.
     */
    protected static <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    try {
                        return condition.apply(driver);
                    } catch (WebDriverException replaced) {
                        // Chromium reports an element htmx has just swapped out as a node that "does not belong to
                        // the document" rather than as stale: look again.
                        if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
                            return null;
                        }
                        throw replaced;
                    }
                });
    }

    /** The element's text, read again when htmx or a reload replaced the element between finding and reading it. */
    protected String text(String cssSelector) {
        return await(driver -> driver.findElement(By.cssSelector(cssSelector)).getText());
    }
}
