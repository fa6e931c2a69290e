package io.offerdesk.agreements.internal.rest;

import io.offerdesk.agreements.Entitlements;
import io.offerdesk.agreements.Entitlements.EntitlementFilter;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Entitlements and their delivery: an agreement's entitlements (GetAgreementEntitlements), a seller's product's
 * current entitlements (GetEntitlements), the buyer's entitlements and how to get an entitled product, and SaaS
 * registration (ResolveCustomer). Other parties' agreements and products are not found (404).
 */
@RestController
@Tag(name = "Entitlements", description = "What buyers are entitled to, SaaS registration and product delivery")
class EntitlementsApi {

    record ResolveCustomerBody(@Nullable String registrationToken) {}

    record RegistrationJson(String registrationToken, String fulfillmentUrl, String tokenField, Instant expiresAt) {}

    private final Entitlements entitlements;

    EntitlementsApi(Entitlements entitlements) {
        this.entitlements = entitlements;
    }

    @GetMapping("/api/v1/agreements/{agreementId}/entitlements")
    @Operation(summary = "The agreement's entitlements with their status, for either party (GetAgreementEntitlements)")
    EntitlementJson.AgreementEntitlements ofAgreement(OfferdeskPrincipal me, @PathVariable String agreementId) {
        return EntitlementJson.ofAgreement(agreementId, entitlements.entitlements(me, agreementId));
    }

    @GetMapping("/api/v1/entitlements")
    @Operation(
            summary = "The current entitlements to one of the seller's products (GetEntitlements): repeat a filter"
                    + " parameter for alternatives; different filters all apply; customerIdentifier and"
                    + " customerAwsAccountId exclude each other; maxResults 1-25")
    EntitlementJson.ProductEntitlements getEntitlements(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String productCode,
            @RequestParam(required = false) @Nullable List<String> customerIdentifier,
            @RequestParam(required = false) @Nullable List<String> dimension,
            @RequestParam(required = false) @Nullable List<String> customerAwsAccountId,
            @RequestParam(required = false) @Nullable List<String> licenseArn,
            @RequestParam(required = false) @Nullable String nextToken,
            @RequestParam(required = false) @Nullable Integer maxResults) {
        var filter = new EntitlementFilter(
                orEmpty(customerIdentifier), orEmpty(dimension), orEmpty(customerAwsAccountId), orEmpty(licenseArn));
        var page = entitlements.getEntitlements(me, productCode, filter, nextToken, maxResults);
        return new EntitlementJson.ProductEntitlements(
                page.entitlements().stream().map(EntitlementJson::ofProduct).toList(), page.nextToken());
    }

    @GetMapping("/api/v1/buyer/entitlements")
    @Operation(summary = "The entitlements of the accounts the buyer user acts for, newest agreement first")
    EntitlementJson.BuyerEntitlements buyerEntitlements(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        var page = entitlements.buyerEntitlements(me, offset, limit);
        return new EntitlementJson.BuyerEntitlements(
                page.entitlements().stream().map(EntitlementJson::ofBuyer).toList(), page.more());
    }

    @GetMapping("/api/v1/buyer/entitlements/{productId}/delivery")
    @Operation(
            summary = "How to get a product the buyer is entitled to: AMIs, container images, model ARNs, data"
                    + " delivery, deliverables or the SaaS fulfillment page, and the license; 404 without a"
                    + " provisioned entitlement")
    EntitlementJson.DeliveryJson delivery(OfferdeskPrincipal me, @PathVariable String productId) {
        return EntitlementJson.of(entitlements.delivery(me, productId));
    }

    @PostMapping("/api/v1/buyer/entitlements/{productId}/registration-token")
    @Operation(
            summary = "A fresh SaaS registration token and the fulfillment URL to post it to, as the"
                    + " \"Set up your account\" button does")
    RegistrationJson registrationToken(OfferdeskPrincipal me, @PathVariable String productId) {
        var registration = entitlements.registration(me, productId);
        return new RegistrationJson(
                registration.registrationToken(),
                registration.fulfillmentUrl(),
                io.offerdesk.agreements.internal.FulfillmentPosts.TOKEN_FIELD,
                registration.expiresAt());
    }

    @PostMapping("/api/v1/saas/resolve-customer")
    @Operation(
            summary = "Resolve a registration token to the customer, for the seller of its product (ResolveCustomer);"
                    + " 422 entitlement.INVALID_TOKEN or entitlement.EXPIRED_TOKEN")
    EntitlementJson.ResolvedCustomerJson resolveCustomer(OfferdeskPrincipal me, @RequestBody ResolveCustomerBody body) {
        return EntitlementJson.of(entitlements.resolveCustomer(me, body.registrationToken()));
    }

    private static List<String> orEmpty(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }
}
