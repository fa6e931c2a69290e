package io.offerdesk.agreements.internal.discovery;

import io.offerdesk.agreements.PurchaseOption;
import io.offerdesk.agreements.PurchaseOption.Badge;
import io.offerdesk.agreements.PurchaseOption.ListPrices;
import io.offerdesk.agreements.PurchaseOption.OfferOption;
import io.offerdesk.agreements.internal.discovery.ListingJson.SellerJson;
import io.offerdesk.catalog.ListPrice;
import io.offerdesk.catalog.PricingModel;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.PriceSummary;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A purchase option in the native API, after the Discovery API's {@code PurchaseOptionSummary} and {@code GetOffer}.
 * An offer carries its id, name, dates, pricing model, price at a glance and where the buyer reviews and accepts it;
 * the public list prices carry the product's pricing models and prices.
 *
 * @param purchaseOptionId the offer id; for list prices, the product id
 * @param expirationTime the last instant the offer can be accepted; absent for a public offer
 * @param offerPath the buyer's page of the offer, where it is reviewed and accepted
 */
record PurchaseOptionJson(
        String purchaseOptionId,
        Kind kind,
        String productId,
        @Nullable String name,
        SellerJson sellerOfRecord,
        @Nullable Instant availableFromTime,
        @Nullable Instant expirationTime,
        List<Badge> badges,
        @Nullable OfferPricingModel pricingModel,
        @Nullable PriceSummary price,
        @Nullable String offerPath,
        @Nullable List<PricingModel> listPricingModels,
        @Nullable List<ListPriceJson> listPrices) {

    /** An offer the buyer accepts, or the public list prices. */
    enum Kind {
        OFFER,
        LIST_PRICES
    }

    /** @param durationMonths for contract prices only */
    record ListPriceJson(
            PricingModel model,
            String dimensionKey,
            @Nullable Integer durationMonths,
            String amount,
            String currency) {

        static ListPriceJson of(ListPrice price) {
            var amount = price.amount();
            return new ListPriceJson(
                    price.model(),
                    price.dimensionKey(),
                    price.contractMonths(),
                    amount.getAmount().toPlainString(),
                    amount.getCurrencyUnit().getCode());
        }
    }

    record PurchaseOptionsJson(List<PurchaseOptionJson> purchaseOptions) {}

    static PurchaseOptionJson of(PurchaseOption option) {
        var seller = new SellerJson(
                option.sellerOfRecord().partyId(), option.sellerOfRecord().name());
        return switch (option) {
            case OfferOption offer -> {
                var o = offer.offer();
                yield new PurchaseOptionJson(
                        o.id().value(),
                        Kind.OFFER,
                        o.productId(),
                        o.name(),
                        seller,
                        o.releasedAt(),
                        o.expiresAt(),
                        offer.badges().stream().sorted().toList(),
                        o.pricingModel(),
                        offer.price(),
                        "/buyer/offers/" + o.id().value(),
                        null,
                        null);
            }
            case ListPrices prices ->
                new PurchaseOptionJson(
                        prices.productId().value(),
                        Kind.LIST_PRICES,
                        prices.productId().value(),
                        null,
                        seller,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        prices.publicOffer().pricingModels(),
                        prices.publicOffer().prices().stream()
                                .map(ListPriceJson::of)
                                .toList());
        };
    }
}
