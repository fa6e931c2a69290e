package io.offerdesk.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of listings with the size of the whole result and its facets.
 *
 * @param total how many listings match, over all pages
 */
public record ListingPage(List<Product> products, int total, Facets facets) {

    public ListingPage {
        products = List.copyOf(products);
    }

    /**
     * How many matching listings fall under each value, as the Discovery API's {@code SearchFacets} counts them: the
     * counts are of the whole result, with every filter applied. Iteration order is most listings first.
     */
    public record Facets(
            Map<ProductType, Integer> types,
            Map<String, Integer> categories,
            Map<PricingModel, Integer> pricingModels,
            Map<UUID, Integer> sellers) {

        public static final Facets NONE = new Facets(Map.of(), Map.of(), Map.of(), Map.of());
    }
}
