package io.offerdesk.catalog;

import io.offerdesk.shared.Validations;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a buyer searches the listings for, after the Discovery API's {@code SearchListings}: words, filters that must
 * all hold, an order and a page.
 *
 * @param text words that must each appear in the title, the short description or a keyword, ignoring case; blank
 *     finds every listing
 * @param category one of the product's categories, exactly
 * @param sellerPartyId the seller (AWS: publisher) of the product
 * @param pricingModel a pricing model of the product's public offer
 */
public record ListingSearch(
        @Nullable String text,
        @Nullable ProductType type,
        @Nullable String category,
        @Nullable UUID sellerPartyId,
        @Nullable PricingModel pricingModel,
        Sort sort,
        int offset,
        int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Rejects a page that cannot be served, naming the parameter. */
    public void checkPage() {
        Validations.checkPage(offset, limit, MAX_LIMIT);
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
