package io.offerdesk.offers.internal.domain;

import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.Visibility;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the offer rules need to know about the offer's product.
 *
 * @param hasPublicOffer whether the product has list prices; AWS requires them before any private offer is released
 * @param dimensions each dimension's type by key
 */
public record ProductFacts(
        String id,
        UUID sellerPartyId,
        ProductType type,
        Visibility visibility,
        boolean hasPublicOffer,
        Map<String, DimensionType> dimensions) {

    public ProductFacts {
        dimensions = Map.copyOf(dimensions);
    }

    public static ProductFacts of(Product product) {
        return new ProductFacts(
                product.id().value(),
                product.sellerPartyId(),
                product.type(),
                product.visibility(),
                product.publicOffer() != null,
                product.dimensions().stream().collect(Collectors.toMap(Dimension::key, Dimension::type)));
    }
}
