package io.offerdesk.agreements;

import io.offerdesk.agreements.Listing.Seller;
import io.offerdesk.catalog.ListingPage.Facets;
import java.util.List;

/**
 * One page of a buyer's listing search, after the Discovery API's {@code SearchListings} and {@code SearchFacets}.
 *
 * @param total how many listings match, over all pages
 * @param sellers the sellers the seller facet counts, in the facet's order, with the names buyers see
 */
public record ListingResults(List<Listing> listings, int total, Facets facets, List<Seller> sellers) {

    public ListingResults {
        listings = List.copyOf(listings);
        sellers = List.copyOf(sellers);
    }

    static final ListingResults NONE = new ListingResults(List.of(), 0, Facets.NONE, List.of());
}
