package io.offerdesk.catalog;

import io.offerdesk.catalog.internal.ListingRepository;
import io.offerdesk.catalog.internal.ProductRepository;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The marketplace's listings as buyers search them: every public product, and the products a buyer holds private
 * offers for, which the caller names (the catalog does not know offers). Limited and restricted products of other
 * buyers' offers are never found, so a listing is no oracle for what a seller builds for someone else.
 */
@Service
public class ListingQueries {

    private final ListingRepository listings;
    private final ProductRepository products;

    ListingQueries(ListingRepository listings, ProductRepository products) {
        this.listings = listings;
        this.products = products;
    }

    /**
     * One page of the listings that match, with the size and facets of the whole result.
     *
     * @param offered the products the buyer holds private offers for, listed whatever their visibility
     */
    @Transactional(readOnly = true)
    public ListingPage search(ListingSearch search, Collection<ProductId> offered) {
        search.checkPage();
        var facets = listings.facets(search, offered);
        // Every product has exactly one type, so the type facet counts the whole result.
        var total = facets.types().values().stream().mapToInt(Integer::intValue).sum();
        var ids = listings.page(search, offered);
        var byId = products.findAll(ids).stream().collect(Collectors.toMap(Product::id, Function.identity()));
        var page = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return new ListingPage(page, total, facets);
    }

    /** A product a buyer may see: public, or one of {@code offered}; empty otherwise, as for a missing product. */
    @Transactional(readOnly = true)
    public Optional<Product> listed(ProductId id, Collection<ProductId> offered) {
        return products.find(id).filter(product -> product.visibility() == Visibility.PUBLIC || offered.contains(id));
    }
}
