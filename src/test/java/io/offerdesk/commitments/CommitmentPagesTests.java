package io.offerdesk.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.commitments.CommitmentFixtures.Installment;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The commitments pages render for each party in English and Chinese with every label found, and show the figures
 * of the API: the buyer's list, commitment, planner and dashboard summary, the seller's shared headroom and the
 * operator's eligibility page.
 */
@EndToEndTest
class CommitmentPagesTests {

    @Autowired
    TestApi api;

    @Test
    void everyPageRendersInBothLanguagesWithTheFigures() {
        var fixtures = new CommitmentFixtures(api);
        var buyer = fixtures.onboard("BUYER", "buyer");
        var seller = fixtures.onboard("SELLER", "seller");
        var today = fixtures.today();
        var id = fixtures.commitment(buyer.admin(), today, "400000.00", "600000.00")
                .at("/id")
                .asString();
        var offer = fixtures.offer(
                seller,
                buyer,
                fixtures.product(seller, "SAAS"),
                List.of(
                        new Installment(today.plusDays(10), "12345.67"),
                        new Installment(today.plusYears(1).plusDays(3), "7654.33")));
        assertThat(api.post(
                                "/api/v1/buyer/commitment-headroom-shares",
                                buyer.admin(),
                                "{\"seller\":\"" + seller.id() + "\"}")
                        .status())
                .isEqualTo(201);

        var plan = api.get("/api/v1/buyer/commitments/planner?offerId=" + offer, buyer.admin());
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        assertThat(plan.json().at("/commitments/0/years/0/plannedEligible").asString())
                .isEqualTo("12345.67");
        assertThat(plan.json().at("/commitments/0/years/1/plannedEligible").asString())
                .isEqualTo("7654.33");
        assertThat(plan.json().at("/commitments/0/years/1/projectedHeadroom").asString())
                .as("150,000.00 cap less the planned 7,654.33")
                .isEqualTo("142345.67");

        var buyerPages = new SignedInSession(api, buyer.admin(), CommitmentFixtures.PASSWORD);
        var sellerPages = new SignedInSession(api, seller.admin(), CommitmentFixtures.PASSWORD);
        var operatorPages = new SignedInSession(api, CommitmentFixtures.OPERATOR, "offerdesk-demo");
        for (var lang : List.of("en", "zh_CN")) {
            assertThat(html(buyerPages, "/buyer/commitments?lang=" + lang)).contains(id);
            assertThat(html(buyerPages, "/buyer/commitments/" + id + "?lang=" + lang))
                    .contains("100,000.00")
                    .contains("150,000.00");
            assertThat(html(buyerPages, "/buyer/commitments/planner?offerId=" + offer + "&lang=" + lang))
                    .contains("12,345.67")
                    .contains("142,345.67");
            assertThat(html(buyerPages, "/buyer/commitments/summary?lang=" + lang))
                    .contains("commitment-summary")
                    .doesNotContain("<html");
            assertThat(html(sellerPages, "/seller/commitment-headroom?lang=" + lang))
                    .contains(buyer.name())
                    .contains("100,000.00");
            assertThat(html(operatorPages, "/operator/commitment-eligibility?lang=" + lang))
                    .contains("eligibility");
        }
        assertThat(html(buyerPages, "/buyer/commitments?lang=zh_CN")).contains("支出承诺");
        // The quote page links to the planner; the seller's offer page loads the buyer's shared headroom.
        assertThat(html(buyerPages, "/buyer/offers/" + offer + "/quote?lang=en"))
                .contains("/buyer/commitments/planner?offerId=" + offer);
        assertThat(html(sellerPages, "/offers/" + offer + "?lang=en"))
                .contains("/seller/commitment-headroom/fragment?buyerAccountId=" + buyer.accountId());
    }

    private static String html(SignedInSession session, String path) {
        var page = session.get(path);
        var body = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(page.statusCode()).as(path + "\n" + body).isEqualTo(200);
        assertThat(body).as(path).doesNotContain("??");
        return body;
    }
}
