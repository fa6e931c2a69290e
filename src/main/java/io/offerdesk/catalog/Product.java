package io.offerdesk.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A product a seller lists on the marketplace.
 *
 * @param sellerPartyId the seller (ISV) that owns it; only sellers own products
 * @param version increases with every change; updates name the version they were based on
 * @param publicOffer the list prices, absent until the seller sets them
 */
public record Product(
        ProductId id,
        UUID sellerPartyId,
        ProductType type,
        String title,
        String shortDescription,
        @Nullable String longDescription,
        Visibility visibility,
        List<String> categories,
        List<String> keywords,
        List<Dimension> dimensions,
        Delivery delivery,
        @Nullable PublicOffer publicOffer,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Product {
        categories = List.copyOf(categories);
        keywords = List.copyOf(keywords);
        dimensions = List.copyOf(dimensions);
    }
}
