package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Every demo role signs in and sees its home page, in English and in Chinese. */
class DemoRolesBrowserTests extends BrowserTest {

    static final String PASSWORD = "offerdesk-demo";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "operator@offerdesk.example, Marketplace operations, 市场运营, Operator admin",
        "admin@acme.example, Seller workspace, 卖家工作台, Admin",
        "author@acme.example, Seller workspace, 卖家工作台, Offer author",
        "approver@acme.example, Seller workspace, 卖家工作台, Offer approver",
        "finance@acme.example, Seller workspace, 卖家工作台, Finance",
        "admin@nimbus.example, Seller workspace, 卖家工作台, Admin",
        "admin@northwind.example, Channel partner workspace, 渠道合作伙伴工作台, Admin",
        "author@northwind.example, Channel partner workspace, 渠道合作伙伴工作台, Offer author",
        "approver@northwind.example, Channel partner workspace, 渠道合作伙伴工作台, Offer approver",
        "finance@northwind.example, Channel partner workspace, 渠道合作伙伴工作台, Finance",
        "procurement@globex.example, Buyer workspace, 买家工作台, Procurement",
        "finance@globex.example, Buyer workspace, 买家工作台, Finance",
        "admin@globex.example, Buyer workspace, 买家工作台, Marketplace administrator",
        "viewer@globex.example, Buyer workspace, 买家工作台, Viewer",
        "procurement@initech.example, Buyer workspace, 买家工作台, Procurement",
        "finance@initech.example, Buyer workspace, 买家工作台, Finance",
        "admin@initech.example, Buyer workspace, 买家工作台, Marketplace administrator",
        "viewer@initech.example, Buyer workspace, 买家工作台, Viewer",
    })
    void signsInAndSeesItsHomePageInEnglishAndChinese(
            String email, String englishHeading, String chineseHeading, String role) {
        signIn(email, PASSWORD);
        open("/?lang=en");
        assertThat(text("#home-heading")).contains(englishHeading);
        assertThat(text("main")).contains(role);
        assertThat(text("#whoami")).isNotBlank();

        browser.findElement(By.linkText("中文")).click();
        // The page before the click has the same heading, in English, until the browser navigates.
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("home-heading"), chineseHeading));
        assertThat(text("nav")).contains("退出登录");
        open("/?lang=en");
    }

    @Test
    void refusesAWrongPasswordInTheReadersLanguage() {
        open("/login?lang=zh-CN");
        browser.findElement(By.id("username")).sendKeys("admin@acme.example");
        browser.findElement(By.id("password")).sendKeys("wrong-password");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        // The click returns before the refused sign-in's page has loaded.
        await(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "电子邮箱或密码错误"));
        open("/login?lang=en");
    }

    @Test
    void sendsSignedOutVisitorsToTheLoginPage() {
        open("/parties");
        assertThat(browser.getCurrentUrl()).contains("/login");
    }
}
