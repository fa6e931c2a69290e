package io.offerdesk.agreements.internal.web;

import io.offerdesk.agreements.Entitlement;
import io.offerdesk.agreements.Entitlements;
import io.offerdesk.agreements.Entitlements.EntitlementFilter;
import io.offerdesk.agreements.internal.FulfillmentPosts;
import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductCommands.ProductQuery;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Entitlement pages: the buyer's entitlements with their status, how to get an entitled product (and, for SaaS, the
 * "Set up your account" button that posts a registration token to the seller's page, as AWS does), and the seller's
 * GetEntitlements lookup by product, customer, account and dimension.
 */
@Controller
class EntitlementPages {

    static final int PAGE_SIZE = 50;

    /** One entitlement with the title of its product, for lists that span products. */
    record Row(Entitlement entitlement, String productTitle) {}

    private final Entitlements entitlements;
    private final CatalogManagement catalog;

    EntitlementPages(Entitlements entitlements, CatalogManagement catalog) {
        this.entitlements = entitlements;
        this.catalog = catalog;
    }

    @GetMapping("/buyer/entitlements")
    String buyerList(OfferdeskPrincipal me, @RequestParam(defaultValue = "0") int offset, Model model) {
        var from = Math.max(0, offset);
        var page = entitlements.buyerEntitlements(me, from, PAGE_SIZE);
        model.addAttribute("rows", rows(page.entitlements()));
        model.addAttribute("offset", from);
        model.addAttribute("more", page.more());
        model.addAttribute("pageSize", PAGE_SIZE);
        return "buyer/entitlements";
    }

    @GetMapping("/buyer/entitlements/{productId}")
    String delivery(OfferdeskPrincipal me, @PathVariable String productId, Model model) {
        var delivery = entitlements.delivery(me, productId);
        model.addAttribute("product", delivery.product());
        model.addAttribute("entitlements", delivery.entitlements());
        model.addAttribute(
                "licenses",
                delivery.entitlements().stream()
                        .map(e -> Map.entry(e.customerAwsAccountId().value(), e.licenseArn()))
                        .distinct()
                        .toList());
        return "buyer/delivery";
    }

    /**
     * Issues a registration token and hands the browser a form that posts it to the seller's fulfillment page, the
     * way AWS Marketplace's "Set up your account" does.
     */
    @PostMapping("/buyer/entitlements/{productId}/setup")
    String setUp(OfferdeskPrincipal me, @PathVariable String productId, Model model) {
        var registration = entitlements.registration(me, productId);
        model.addAttribute("registration", registration);
        model.addAttribute("tokenField", FulfillmentPosts.TOKEN_FIELD);
        return "buyer/setupAccount";
    }

    @GetMapping("/entitlements")
    String sellerLookup(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String productCode,
            @RequestParam(required = false) @Nullable String customerIdentifier,
            @RequestParam(required = false) @Nullable String dimension,
            @RequestParam(required = false) @Nullable String customerAwsAccountId,
            @RequestParam(required = false) @Nullable String nextToken,
            Model model) {
        model.addAttribute("products", catalog.products(me, ProductQuery.all()).items());
        model.addAttribute("productCode", productCode);
        model.addAttribute("customerIdentifier", customerIdentifier);
        model.addAttribute("dimension", dimension);
        model.addAttribute("customerAwsAccountId", customerAwsAccountId);
        model.addAttribute("rows", List.of());
        model.addAttribute("nextToken", null);
        if (productCode == null || productCode.isBlank()) {
            return "agreements/sellerEntitlements";
        }
        var filter = new EntitlementFilter(
                values(customerIdentifier), values(dimension), values(customerAwsAccountId), List.of());
        try {
            var page = entitlements.getEntitlements(me, productCode, filter, nextToken, null);
            model.addAttribute("rows", rows(page.entitlements()));
            model.addAttribute("nextToken", page.nextToken());
        } catch (InvalidInput refused) {
            model.addAttribute("violations", refused.violations());
        }
        return "agreements/sellerEntitlements";
    }

    /** A blank field does not filter; several values may be given separated by commas. */
    private static List<String> values(@Nullable String field) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(field.split(","))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    /** The rows with their products' titles, each product looked up once. */
    private List<Row> rows(List<Entitlement> list) {
        Map<String, Optional<Product>> products = new HashMap<>();
        return list.stream()
                .map(e -> new Row(
                        e,
                        products.computeIfAbsent(
                                        e.productId(), id -> ProductId.parse(id).flatMap(catalog::find))
                                .map(Product::title)
                                .orElse(e.productId())))
                .toList();
    }
}
