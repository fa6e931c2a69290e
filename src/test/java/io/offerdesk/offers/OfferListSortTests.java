package io.offerdesk.offers;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.SignedInSession;
import io.offerdesk.support.TestApi;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seller's offer list sorts by every column the Catalog API's {@code OfferSort} added (ADR 0040), each labelled in
 * the user's language.
 */
@EndToEndTest
class OfferListSortTests {

    @Autowired
    TestApi api;

    @Test
    void theOfferListSortsByTargetingAndLabelsEverySort() {
        var author = new SignedInSession(api, OfferFixtures.AUTHOR, "offerdesk-demo");

        var page = author.get("/offers?sort=TARGETING&ascending=true");

        assertThat(page.statusCode()).isEqualTo(200);
        var html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("Offer id", "Resale authorization", "Offer set", "Buyer accounts", "Targeting")
                .doesNotContain("??offerSort.");
    }
}
