package io.offerdesk.resale.internal.domain;

import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.DimensionType;
import io.offerdesk.catalog.ListPrice;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.Visibility;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the resale rules need to know about the authorization's product.
 *
 * @param dimensions each dimension's type by key
 * @param listPrices the public offer's prices, which a discount off list starts from; empty without a public offer
 */
public record ProductFacts(
        String id,
        String title,
        UUID sellerPartyId,
        ProductType type,
        Visibility visibility,
        Map<String, DimensionType> dimensions,
        List<ListPrice> listPrices) {

    public ProductFacts {
        dimensions = Map.copyOf(dimensions);
        listPrices = List.copyOf(listPrices);
    }

    public static ProductFacts of(Product product) {
        var offer = product.publicOffer();
        return new ProductFacts(
                product.id().value(),
                product.title(),
                product.sellerPartyId(),
                product.type(),
                product.visibility(),
                product.dimensions().stream().collect(Collectors.toMap(Dimension::key, Dimension::type)),
                offer == null ? List.of() : offer.prices());
    }
}
