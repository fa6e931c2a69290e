package io.offerdesk.agreements;

import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.ProductType;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A product as buyers discover it, after the Discovery API's {@code ListingSummary} and {@code GetProduct}: what it is,
 * who sells it, how it is priced and how it is delivered. It carries no seller internals: no version, no visibility,
 * and only the buyer's view of the delivery ({@link FulfillmentOption}).
 *
 * @param pricingModels the models of the public offer; empty when the product has none (private offers only)
 * @param freeTrialDays set when the public offer includes a free trial
 */
public record Listing(
        ProductId productId,
        ProductType type,
        String title,
        String shortDescription,
        @Nullable String longDescription,
        Seller seller,
        List<String> categories,
        List<String> keywords,
        List<Dimension> dimensions,
        List<PricingModel> pricingModels,
        @Nullable Integer freeTrialDays,
        FulfillmentOption fulfillmentOption) {

    public Listing {
        categories = List.copyOf(categories);
        keywords = List.copyOf(keywords);
        dimensions = List.copyOf(dimensions);
        pricingModels = List.copyOf(pricingModels);
    }

    /** A seller as buyers see it (AWS: publisher, manufacturer or seller of record). */
    public record Seller(UUID partyId, String name) {}

    static Listing of(Product product, Seller seller) {
        var offer = product.publicOffer();
        return new Listing(
                product.id(),
                product.type(),
                product.title(),
                product.shortDescription(),
                product.longDescription(),
                seller,
                product.categories(),
                product.keywords(),
                product.dimensions(),
                offer == null ? List.of() : offer.pricingModels(),
                offer == null ? null : offer.freeTrialDays(),
                FulfillmentOption.of(product.id(), product.delivery()));
    }
}
