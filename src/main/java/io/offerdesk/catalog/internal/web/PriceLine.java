package io.offerdesk.catalog.internal.web;

import io.offerdesk.catalog.ListPrice;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.Product;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One list price as a page shows it: the amount with its full scale, e.g. {@code 0.12500000 USD}. */
public record PriceLine(
        PricingModel model, String dimensionKey, @Nullable Integer durationMonths, String amount, String currency) {

    static List<PriceLine> of(Product product) {
        var offer = product.publicOffer();
        return offer == null
                ? List.of()
                : offer.prices().stream().map(PriceLine::of).toList();
    }

    static PriceLine of(ListPrice price) {
        var amount = price.amount();
        return new PriceLine(
                price.model(),
                price.dimensionKey(),
                price.contractMonths(),
                amount.getAmount().toPlainString(),
                amount.getCurrencyUnit().getCode());
    }
}
