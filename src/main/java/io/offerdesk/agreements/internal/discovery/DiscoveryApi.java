package io.offerdesk.agreements.internal.discovery;

import io.offerdesk.agreements.Discovery;
import io.offerdesk.agreements.internal.discovery.ListingJson.SearchJson;
import io.offerdesk.agreements.internal.discovery.OfferTermJson.OfferTermsJson;
import io.offerdesk.agreements.internal.discovery.PurchaseOptionJson.PurchaseOptionsJson;
import io.offerdesk.catalog.ListingSearch;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Buyer discovery, the native counterpart of the AWS Discovery API: search the listings, read a product with its
 * fulfillment option, its purchase options, and an offer's terms with their ids. For buyers only: other parties find
 * nothing, and a product or offer the buyer may not see answers 404 whether it exists or not.
 */
@RestController
@RequestMapping("/api/v1/buyer")
@Tag(name = "Buyer discovery", description = "Listings, products, purchase options and offer terms a buyer can see")
class DiscoveryApi {

    private final Discovery discovery;

    DiscoveryApi(Discovery discovery) {
        this.discovery = discovery;
    }

    @GetMapping("/listings")
    @Operation(
            summary = "Search the listings: public products and those with a private offer for the buyer",
            description = "Every word of q must appear in the title, short description or a keyword. Filters combine;"
                    + " facets count the whole result per type, category, pricing model and seller.")
    SearchJson listings(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable ProductType type,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable UUID sellerId,
            @RequestParam(required = false) @Nullable PricingModel pricingModel,
            @RequestParam(defaultValue = "RELEVANCE") ListingSearch.Sort sort,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "" + ListingSearch.DEFAULT_LIMIT) int limit) {
        var search = new ListingSearch(q, type, blankToNull(category), sellerId, pricingModel, sort, offset, limit);
        return ListingJson.search(discovery.search(me, search), offset, limit);
    }

    @GetMapping("/products/{productId}")
    @Operation(summary = "A product with its dimensions and fulfillment option (GetProduct, ListFulfillmentOptions)")
    ListingJson product(OfferdeskPrincipal me, @PathVariable String productId) {
        return ListingJson.product(discovery.product(me, productId));
    }

    @GetMapping("/products/{productId}/purchase-options")
    @Operation(
            summary = "The buyer's purchase options for a product (ListPurchaseOptions)",
            description = "Released, unexpired private offers targeting the buyer's accounts, soonest expiry first,"
                    + " then the public list prices of a public product.")
    PurchaseOptionsJson purchaseOptions(OfferdeskPrincipal me, @PathVariable String productId) {
        return new PurchaseOptionsJson(discovery.purchaseOptions(me, productId).stream()
                .map(PurchaseOptionJson::of)
                .toList());
    }

    @GetMapping("/offers/{offerId}/terms")
    @Operation(summary = "An offer (GetOffer) and its terms, each with its id (GetOfferTerms)")
    OfferTermsJson terms(OfferdeskPrincipal me, @PathVariable String offerId) {
        var found = discovery.offer(me, offerId);
        return new OfferTermsJson(
                PurchaseOptionJson.of(found.option()), OfferTermJson.of(found.offer(), found.product()));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
