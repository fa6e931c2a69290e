package io.offerdesk.agreements;

import io.offerdesk.agreements.Listing.Seller;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.catalog.PublicOffer;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.PriceSummary;
import java.util.Set;

/**
 * One way a buyer can buy a product, after the Discovery API's {@code ListPurchaseOptions}: the public list prices any
 * buyer may accept, or a released offer (a private one targets one of the buyer's accounts).
 */
public sealed interface PurchaseOption {

    /** Who sells under this option and is paid by the buyer. */
    Seller sellerOfRecord();

    /** The product's list prices, open to every buyer of a public product. */
    record ListPrices(ProductId productId, Seller sellerOfRecord, PublicOffer publicOffer) implements PurchaseOption {}

    /**
     * A released, unexpired offer the buyer may accept on its offer page.
     *
     * @param badges what sets the offer apart, as the Discovery API's {@code PurchaseOptionBadge}
     */
    record OfferOption(Offer offer, Seller sellerOfRecord, PriceSummary price, Set<Badge> badges)
            implements PurchaseOption {
        public OfferOption {
            badges = Set.copyOf(badges);
        }
    }

    /** The Discovery API's {@code PurchaseOptionBadgeType} values that Offerdesk's offers can earn. */
    enum Badge {
        /** Negotiated for the buyer's accounts. */
        PRIVATE_PRICING,
        /** The agreement starts on a fixed date after acceptance. */
        FUTURE_DATED
    }
}
