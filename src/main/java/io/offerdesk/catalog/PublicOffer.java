package io.offerdesk.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The terms every buyer may accept without negotiation: the pricing models and list prices. Private offers start
 * from these and override them.
 *
 * @param freeTrialDays set exactly when {@link PricingModel#FREE_TRIAL} is one of the models
 */
public record PublicOffer(
        List<PricingModel> pricingModels, @Nullable Integer freeTrialDays, List<ListPrice> prices) {

    public PublicOffer {
        pricingModels = List.copyOf(pricingModels);
        prices = List.copyOf(prices);
    }
}
