package io.offerdesk.catalog.internal.rest;

import io.offerdesk.catalog.Delivery;
import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.ListPrice;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductPage;
import io.offerdesk.catalog.ProductType;
import io.offerdesk.catalog.PublicOffer;
import io.offerdesk.catalog.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A product as the REST API writes it. Amounts are decimal strings with their currency, never JSON numbers, so that
 * no client parses a price into a binary floating-point value: {@code "1200.00"} for contract and subscription
 * prices, {@code "0.12500000"} (8 decimals) for usage prices.
 */
record ProductJson(
        String id,
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
        @Nullable PublicOfferJson publicOffer,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    record PublicOfferJson(
            List<PricingModel> pricingModels, @Nullable Integer freeTrialDays, List<PriceJson> prices) {}

    /** @param durationMonths set for contract prices only */
    record PriceJson(
            PricingModel model,
            String dimensionKey,
            @Nullable Integer durationMonths,
            String amount,
            String currency) {}

    record PageJson(List<ProductJson> items, @Nullable String next) {}

    static ProductJson of(Product p) {
        return new ProductJson(
                p.id().value(),
                p.sellerPartyId(),
                p.type(),
                p.title(),
                p.shortDescription(),
                p.longDescription(),
                p.visibility(),
                p.categories(),
                p.keywords(),
                p.dimensions(),
                p.delivery(),
                p.publicOffer() == null ? null : offer(p.publicOffer()),
                p.createdAt(),
                p.updatedAt(),
                p.version());
    }

    static PageJson of(ProductPage page) {
        return new PageJson(page.items().stream().map(ProductJson::of).toList(), page.next());
    }

    private static PublicOfferJson offer(PublicOffer offer) {
        return new PublicOfferJson(
                offer.pricingModels(),
                offer.freeTrialDays(),
                offer.prices().stream().map(ProductJson::price).toList());
    }

    static PriceJson price(ListPrice price) {
        return switch (price) {
            case ListPrice.Contract c ->
                new PriceJson(
                        c.model(),
                        c.dimensionKey(),
                        c.durationMonths(),
                        c.price().getAmount().toPlainString(),
                        c.price().getCurrencyUnit().getCode());
            case ListPrice.Usage u ->
                new PriceJson(
                        u.model(),
                        u.dimensionKey(),
                        null,
                        u.pricePerUnit().getAmount().toPlainString(),
                        u.pricePerUnit().getCurrencyUnit().getCode());
            case ListPrice.Subscription s ->
                new PriceJson(
                        s.model(),
                        s.dimensionKey(),
                        null,
                        s.monthlyPrice().getAmount().toPlainString(),
                        s.monthlyPrice().getCurrencyUnit().getCode());
        };
    }
}
