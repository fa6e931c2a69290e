package io.offerdesk.offers.internal.web;

import io.offerdesk.catalog.Dimension;
import io.offerdesk.catalog.Product;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferStatus;
import io.offerdesk.offers.PriceSummary;
import io.offerdesk.offers.Term.PriceIncrease;
import io.offerdesk.offers.Term.RenewalTerm;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.ui.Model;

/**
 * An offer as its buyer will read it (name, product, every term, the schedule, the EULA, the expiry) for the
 * {@code offers/preview} fragment; the description stays out because buyers never see it.
 *
 * @param dimensionNames dimension key to the name buyers know it by
 */
public record OfferPreview(
        Offer offer, Product product, PriceSummary price, OfferStatus status, Map<String, String> dimensionNames) {

    public OfferPreview {
        dimensionNames = Map.copyOf(dimensionNames);
    }

    static OfferPreview of(Offer offer, Product product, Instant now) {
        return new OfferPreview(
                offer,
                product,
                PriceSummary.of(offer),
                offer.status(now),
                product.dimensions().stream().collect(Collectors.toMap(Dimension::key, Dimension::name)));
    }

    static void addTo(Model model, Offer offer, Product product, Instant now) {
        model.addAttribute("preview", of(offer, product, now));
    }

    /** The renewal's price increase as a percentage, or a range with its default. */
    public String priceIncrease(RenewalTerm term) {
        return switch (term.priceIncrease()) {
            case null -> "";
            case PriceIncrease.FixedPercentage fixed -> fixed.value().toPlainString();
            case PriceIncrease.PercentageRange range ->
                range.minValue().toPlainString() + "–" + range.maxValue().toPlainString() + " ("
                        + range.defaultValue().toPlainString() + ")";
        };
    }

    /** The dimension's name, or its key when the product no longer has it. */
    public String dimension(String key) {
        return dimensionNames.getOrDefault(key, key);
    }
}
