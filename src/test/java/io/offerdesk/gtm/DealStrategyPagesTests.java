package io.offerdesk.gtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deal strategy page without a browser: an administrator adds, edits and deletes rules with the form, a broken rule
 * comes back with its errors and changes nothing, authors read it, and it is in Chinese too.
 */
@EndToEndTest
class DealStrategyPagesTests {

    @Autowired
    TestApi api;

    ApprovalFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ApprovalFixtures(api);
    }

    @Test
    void anAdministratorAddsEditsAndDeletesRulesWithTheForm() {
        var seller = fixtures.seller();
        var admin = new SignedInSession(api, seller.admin(), ApprovalFixtures.PASSWORD);
        assertThat(text(admin.get("/deal-strategy?lang=en")))
                .contains("Deal strategy", "No segment rules yet", "rule-form");

        var added = admin.post(
                "/deal-strategy",
                "/deal-strategy/rules",
                "name=" + encode("Mid-market")
                        + "&route=PRIVATE_OFFER&valueCurrency=USD&valueMin=50000&discountMax=15");
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(admin.post("/deal-strategy", "/deal-strategy/rules", "name=Everyone&route=PUBLIC_PRICE")
                        .statusCode())
                .isEqualTo(302);
        assertThat(names(seller)).containsExactly("Mid-market", "Everyone");

        // Behind the catch-all a new rule could never match: refused, and the form keeps what was typed.
        var shadowed = admin.post(
                "/deal-strategy",
                "/deal-strategy/rules",
                "name=Strategic&route=PRIVATE_OFFER&keyAccounts=" + io.offerdesk.offers.OfferFixtures.GLOBEX_ACCOUNT);
        assertThat(shadowed.statusCode()).isEqualTo(302);
        var withErrors = text(admin.get("/deal-strategy?lang=en"));
        assertThat(withErrors).contains("can never match: the catch-all rule Everyone comes before it");
        assertThat(withErrors).contains("value=\"Strategic\"");
        assertThat(names(seller)).containsExactly("Mid-market", "Everyone");

        var edit = text(admin.get("/deal-strategy?edit=1&lang=en"));
        assertThat(edit).contains("Edit rule 1", "value=\"50000.00\"");
        assertThat(admin.post(
                                "/deal-strategy?edit=1",
                                "/deal-strategy/rules",
                                "rank=1&name=" + encode("Mid-market") + "&route=PRIVATE_OFFER&valueCurrency=USD"
                                        + "&valueMin=25000&discountMin=5&discountMax=20")
                        .statusCode())
                .isEqualTo(302);
        var rule = api.get("/api/v1/deal-strategy", seller.author()).json().at("/rules/0");
        assertThat(rule.at("/valueMin").decimalValue()).isEqualByComparingTo("25000");
        assertThat(rule.at("/discountMin").decimalValue()).isEqualByComparingTo("5");

        assertThat(admin.post("/deal-strategy", "/deal-strategy/rules/2/delete", "")
                        .statusCode())
                .isEqualTo(302);
        assertThat(names(seller)).containsExactly("Mid-market");
        // Authors read the strategy without the editing controls.
        var author = text(new SignedInSession(api, seller.author(), ApprovalFixtures.PASSWORD).get("/deal-strategy"));
        assertThat(author).contains("Mid-market").doesNotContain("rule-form").doesNotContain("delete-rule");
    }

    @Test
    void thePageIsInChineseToo() {
        var seller = fixtures.seller();
        assertThat(api.put("/api/v1/deal-strategy", seller.admin(), """
                        {"rules":[{"name":"Everyone","route":"PUBLIC_PRICE"}]}""").status())
                .isEqualTo(200);
        var page = text(
                new SignedInSession(api, seller.admin(), ApprovalFixtures.PASSWORD).get("/deal-strategy?lang=zh-CN"));
        assertThat(page).contains("成交策略", "公开价格", "所有报价（兜底规则）", "添加规则");
    }

    private java.util.List<String> names(ApprovalFixtures.Seller seller) {
        return api.get("/api/v1/deal-strategy", seller.author())
                .json()
                .at("/rules")
                .findValuesAsString("name");
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
