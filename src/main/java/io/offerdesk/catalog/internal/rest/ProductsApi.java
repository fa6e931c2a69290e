package io.offerdesk.catalog.internal.rest;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ProductCommands.ChangeVisibility;
import io.offerdesk.catalog.ProductCommands.CreateProduct;
import io.offerdesk.catalog.ProductCommands.ProductQuery;
import io.offerdesk.catalog.ProductCommands.PublicOfferInput;
import io.offerdesk.catalog.ProductCommands.UpdateProduct;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.Visibility;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sellers' products: content, dimensions, delivery, public offer and visibility. */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "A seller's products with dimensions, delivery options and list prices")
class ProductsApi {

    private final CatalogManagement catalog;

    ProductsApi(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a product (seller administrator or offer author)",
            description = "The product starts with LIMITED visibility. For SaaS the fulfillment URL may be given at the"
                    + " top level or as delivery.fulfillmentUrl; the public offer is optional.")
    ProductJson create(OfferdeskPrincipal me, @RequestBody CreateProduct command) {
        return ProductJson.of(catalog.create(me, command));
    }

    @GetMapping
    @Operation(summary = "List the caller's products (the operator: all products), newest first")
    ProductJson.PageJson list(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable ProductType type,
            @RequestParam(required = false) @Nullable Visibility visibility,
            @Parameter(description = "1 to 100, default 50") @RequestParam(required = false) @Nullable Integer limit,
            @Parameter(description = "the 'next' value of the previous page") @RequestParam(required = false) @Nullable
                    String after) {
        return ProductJson.of(catalog.products(me, new ProductQuery(type, visibility, after, limit)));
    }

    @GetMapping("/{productId}")
    @Operation(summary = "One product; another seller's product is not found")
    ProductJson one(OfferdeskPrincipal me, @PathVariable String productId) {
        return ProductJson.of(catalog.product(me, id(productId)));
    }

    @PutMapping("/{productId}")
    @Operation(
            summary = "Replace a product's content, dimensions and delivery",
            description = "Send the version you read; a newer stored version answers 409.")
    ProductJson update(OfferdeskPrincipal me, @PathVariable String productId, @RequestBody UpdateProduct command) {
        return ProductJson.of(catalog.update(me, id(productId), command));
    }

    @PutMapping("/{productId}/public-offer")
    @Operation(summary = "Set the public offer: pricing models and list prices (USD)")
    ProductJson publicOffer(
            OfferdeskPrincipal me, @PathVariable String productId, @RequestBody PublicOfferInput command) {
        return ProductJson.of(catalog.setPublicOffer(me, id(productId), command));
    }

    @PostMapping("/{productId}/visibility")
    @Operation(summary = "Make a product public, restricted, or public again")
    ProductJson visibility(
            OfferdeskPrincipal me, @PathVariable String productId, @RequestBody ChangeVisibility command) {
        return ProductJson.of(catalog.changeVisibility(me, id(productId), command));
    }

    /** Something that cannot be a product id names no product the caller could see. */
    private static ProductId id(String text) {
        return ProductId.parse(text).orElseThrow(() -> new NotFound("product", text));
    }
}
