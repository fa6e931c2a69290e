package io.offerdesk.offers.internal.web;

import io.offerdesk.catalog.Product;
import io.offerdesk.offers.Offer;
import org.springframework.ui.Model;

/**
 * An offer with its product, for the {@code offers/preview} fragment, which shows the offer as its buyer will read it
 * through the buyer's own terms fragment.
 */
public record OfferPreview(Offer offer, Product product) {

    static void addTo(Model model, Offer offer, Product product) {
        model.addAttribute("preview", new OfferPreview(offer, product));
    }
}
