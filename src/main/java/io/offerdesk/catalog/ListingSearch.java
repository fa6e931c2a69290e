package io.offerdesk.catalog;

import io.offerdesk.shared.Validations;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a buyer searches the listings for, after the Discovery API's {@code SearchListings}: words, filters that must
 * all hold, an order and a page. Each filter holds when the product has one of its values (the Discovery API's OR
 * within a filter); an empty filter always holds.
 *
 * @param text words that must each appear in the title, the short description or a keyword, ignoring case; blank
 *     finds every listing
 * @param categories the product has one of these categories, exactly
 * @param sellerPartyIds the seller (AWS: publisher) of the product is one of these
 * @param pricingModels the product's public offer has one of these pricing models
 */
public record ListingSearch(
        @Nullable String text,
        Set<ProductType> types,
        Set<String> categories,
        Set<UUID> sellerPartyIds,
        Set<PricingModel> pricingModels,
        Sort sort,
        int offset,
        int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public ListingSearch {
        types = Set.copyOf(types);
        categories = Set.copyOf(categories);
        sellerPartyIds = Set.copyOf(sellerPartyIds);
        pricingModels = Set.copyOf(pricingModels);
    }

    /** A search with at most one value per filter, as the native API and the buyer's pages ask. */
    public ListingSearch(
            @Nullable String text,
            @Nullable ProductType type,
            @Nullable String category,
            @Nullable UUID sellerPartyId,
            @Nullable PricingModel pricingModel,
            Sort sort,
            int offset,
            int limit) {
        this(text, one(type), one(category), one(sellerPartyId), one(pricingModel), sort, offset, limit);
    }

    /** Rejects a page that cannot be served, naming the parameter. */
    public void checkPage() {
        Validations.checkPage(offset, limit, MAX_LIMIT);
    }

    private static <T> Set<T> one(@Nullable T value) {
        return value == null ? Set.of() : Set.of(value);
    }

    /**
     * How listings are ordered: by relevance (title matches count most, then keywords, then the short description;
     * ties by title) or by title alone.
     */
    public enum Sort {
        RELEVANCE,
        TITLE
    }
}
