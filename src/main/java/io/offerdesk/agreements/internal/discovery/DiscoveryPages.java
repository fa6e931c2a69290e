package io.offerdesk.agreements.internal.discovery;

import io.offerdesk.agreements.Discovery;
import io.offerdesk.agreements.Listing;
import io.offerdesk.agreements.PurchaseOption;
import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.ListingSearch;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.governance.PrivateMarketplace;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The buyer's discovery pages: a search over the listings with filters and a facet sidebar, and a product's page with
 * its fulfillment option and the buyer's purchase options, each offer leading to its offer page, where the buyer
 * reviews and accepts it. A product the buyer may not see answers the 404 page, whether it exists or not.
 */
@Controller
class DiscoveryPages {

    static final int PAGE_SIZE = 12;

    private final Discovery discovery;
    private final PrivateMarketplace privateMarketplace;

    DiscoveryPages(Discovery discovery, PrivateMarketplace privateMarketplace) {
        this.discovery = discovery;
        this.privateMarketplace = privateMarketplace;
    }

    @GetMapping("/buyer/discover")
    String search(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable ProductType type,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable UUID sellerId,
            @RequestParam(required = false) @Nullable PricingModel pricingModel,
            @RequestParam(defaultValue = "RELEVANCE") ListingSearch.Sort sort,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        var filters = new Filters(
                q == null || q.isBlank() ? null : q.trim(),
                type,
                category == null || category.isBlank() ? null : category,
                sellerId,
                pricingModel,
                sort);
        var from = Math.max(0, offset);
        var results = discovery.search(
                me,
                new ListingSearch(
                        filters.q(), type, filters.category(), sellerId, pricingModel, sort, from, PAGE_SIZE));
        model.addAttribute("filters", filters);
        model.addAttribute("results", results);
        model.addAttribute(
                "notAllowed",
                privateMarketplace.notAllowed(
                        me,
                        results.listings().stream()
                                .map(l -> l.productId().value())
                                .toList()));
        model.addAttribute("offset", from);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("sorts", ListingSearch.Sort.values());
        model.addAttribute("types", ProductType.values());
        return "discovery/search";
    }

    @GetMapping("/buyer/products/{productId}")
    String product(OfferdeskPrincipal me, @PathVariable String productId, Model model) {
        var listing = discovery.product(me, productId);
        var options = discovery.purchaseOptions(me, productId);
        model.addAttribute("listing", listing);
        model.addAttribute(
                "notAllowed",
                privateMarketplace.notAllowed(me, List.of(listing.productId().value())));
        model.addAttribute("dimensionNames", dimensionNames(listing));
        model.addAttribute(
                "offerOptions",
                options.stream()
                        .filter(PurchaseOption.OfferOption.class::isInstance)
                        .toList());
        model.addAttribute(
                "listPrices",
                options.stream()
                        .filter(PurchaseOption.ListPrices.class::isInstance)
                        .findFirst()
                        .orElse(null));
        return "discovery/product";
    }

    private static Map<String, String> dimensionNames(Listing listing) {
        return listing.dimensions().stream()
                .collect(Collectors.toMap(Dimension::key, Dimension::name, (first, second) -> first));
    }

    /**
     * The search as the page shows it, and the links that change one part of it: a facet link sets a filter (and
     * starts again at the first page), a badge's link removes it.
     */
    record Filters(
            @Nullable String q,
            @Nullable ProductType type,
            @Nullable String category,
            @Nullable UUID sellerId,
            @Nullable PricingModel pricingModel,
            ListingSearch.Sort sort) {

        public boolean any() {
            return type != null || category != null || sellerId != null || pricingModel != null;
        }

        /** This search with {@code name} set to {@code value}, or without it when {@code value} is null. */
        public String with(String name, @Nullable Object value) {
            var parameters = parameters();
            if (value == null) {
                parameters.remove(name);
            } else {
                parameters.put(name, value.toString());
            }
            var link = UriComponentsBuilder.fromPath("/buyer/discover");
            parameters.forEach(link::queryParam);
            return link.build().encode().toUriString();
        }

        public String without(String name) {
            return with(name, null);
        }

        /** This search's words and order without any filter. */
        public String cleared() {
            return new Filters(q, null, null, null, null, sort).without("offset");
        }

        /** The page at {@code offset} of this search. */
        public String page(int offset) {
            return with("offset", offset);
        }

        private Map<String, String> parameters() {
            var parameters = new LinkedHashMap<String, String>();
            put(parameters, "q", q, Function.identity());
            put(parameters, "type", type, ProductType::name);
            put(parameters, "category", category, Function.identity());
            put(parameters, "sellerId", sellerId, UUID::toString);
            put(parameters, "pricingModel", pricingModel, PricingModel::name);
            if (sort != ListingSearch.Sort.RELEVANCE) {
                parameters.put("sort", sort.name());
            }
            return parameters;
        }

        private static <T> void put(
                Map<String, String> parameters, String name, @Nullable T value, Function<T, String> text) {
            if (value != null) {
                parameters.put(name, text.apply(value));
            }
        }
    }
}
