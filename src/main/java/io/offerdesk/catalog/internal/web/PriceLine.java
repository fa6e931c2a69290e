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
        return switch (price) {
            case ListPrice.Contract c ->
                new PriceLine(
                        c.model(),
                        c.dimensionKey(),
                        c.durationMonths(),
                        c.price().getAmount().toPlainString(),
                        c.price().getCurrencyUnit().getCode());
            case ListPrice.Usage u ->
                new PriceLine(
                        u.model(),
                        u.dimensionKey(),
                        null,
                        u.pricePerUnit().getAmount().toPlainString(),
                        u.pricePerUnit().getCurrencyUnit().getCode());
            case ListPrice.Subscription s ->
                new PriceLine(
                        s.model(),
                        s.dimensionKey(),
                        null,
                        s.monthlyPrice().getAmount().toPlainString(),
                        s.monthlyPrice().getCurrencyUnit().getCode());
        };
    }
}
