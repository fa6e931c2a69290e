package io.offerdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementFixtures;
import io.offerdesk.support.EndToEndTest;
import io.offerdesk.support.TestApi;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every REST list that takes a page size refuses one over its cap, naming the parameter, instead of serving an
 * unbounded page (ADR 0045): the lists of {@code /api/v1} without a path variable, each as a user allowed to read it.
 * Lists under another resource ({@code /agreements/{id}/…}, {@code /bulk-offer-uploads/{id}/rows},
 * {@code /crm/connections/{id}/receipts}) go through the same {@code Validations.checkPage} as their parents.
 */
@EndToEndTest
class PageSizeCapTests {

    static final String AUTHOR = "author@acme.example";
    static final String ADMIN = "admin@acme.example";
    static final String FINANCE = "finance@acme.example";
    static final String BUYER = "procurement@globex.example";
    static final String OPERATOR = "operator@offerdesk.example";

    @Autowired
    TestApi api;

    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("/api/v1/products", "limit", AUTHOR),
                Arguments.of("/api/v1/offers", "limit", AUTHOR),
                Arguments.of("/api/v1/offer-sets", "limit", AUTHOR),
                Arguments.of("/api/v1/change-sets", "maxResults", AUTHOR),
                Arguments.of("/api/v1/agreements", "limit", AUTHOR),
                Arguments.of("/api/v1/payment-requests", "limit", AUTHOR),
                Arguments.of("/api/v1/cancellation-requests", "limit", AUTHOR),
                Arguments.of("/api/v1/resale-authorizations", "limit", AUTHOR),
                Arguments.of("/api/v1/invoices", "limit", FINANCE),
                Arguments.of("/api/v1/invoicing/runs", "limit", OPERATOR),
                Arguments.of("/api/v1/billing-adjustment-requests", "limit", FINANCE),
                Arguments.of("/api/v1/disbursements", "limit", FINANCE),
                Arguments.of("/api/v1/disbursements/runs", "limit", OPERATOR),
                Arguments.of("/api/v1/webhooks/deliveries", "limit", ADMIN),
                Arguments.of("/api/v1/bulk-offer-uploads", "limit", AUTHOR),
                Arguments.of("/api/v1/notifications", "limit", ADMIN),
                Arguments.of("/api/v1/audit/entries", "limit", ADMIN),
                Arguments.of("/api/v1/shared-resale-authorizations", "limit", "author@northwind.example"),
                Arguments.of("/api/v1/buyer/offers", "limit", BUYER),
                Arguments.of("/api/v1/buyer/offer-sets", "limit", BUYER),
                Arguments.of("/api/v1/buyer/entitlements", "limit", BUYER),
                Arguments.of("/api/v1/buyer/listings", "limit", BUYER),
                Arguments.of("/api/v1/ledger/accounts", "limit", OPERATOR),
                Arguments.of("/api/v1/governance/product-requests", "limit", OPERATOR),
                Arguments.of("/api/v1/governance/offers", "limit", "admin@globex.example"),
                Arguments.of("/api/v1/operator/commitment-eligibility", "limit", OPERATOR));
    }

    @ParameterizedTest(name = "{0}?{1}=")
    @MethodSource("lists")
    void anOverCapPageSizeIsRefusedNamingTheParameter(String path, String parameter, String user) {
        assertCapped(path, parameter, user);
    }

    /** The seller's entitlements are listed per product, so the list needs one of Acme's own SaaS products. */
    @Test
    void anOverCapEntitlementsPageIsRefusedNamingMaxResults() {
        var product = new AgreementFixtures(api).saasProduct();
        assertCapped("/api/v1/entitlements?productCode=" + product, "maxResults", AUTHOR);
    }

    private void assertCapped(String path, String parameter, String user) {
        var query = path + (path.contains("?") ? "&" : "?") + parameter + "=";
        var within = api.get(query + "1", user);
        assertThat(within.status())
                .as("the list itself is readable: " + within.body())
                .isEqualTo(200);

        var over = api.get(query + "1000000", user);
        assertThat(over.status()).as(over.body()).isIn(400, 422);
        assertThat(over.contentType()).startsWith("application/problem+json");
        assertThat(over.body()).contains("\"" + parameter + "\"");
        var zero = api.get(query + "0", user);
        assertThat(zero.status()).as(zero.body()).isIn(400, 422);
    }
}
