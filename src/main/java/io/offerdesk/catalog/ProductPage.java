package io.offerdesk.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of products, newest first.
 *
 * @param next the cursor for the following page ({@code after}), absent on the last page
 */
public record ProductPage(List<Product> items, @Nullable String next) {

    public ProductPage {
        items = List.copyOf(items);
    }
}
