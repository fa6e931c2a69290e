package io.offerdesk.catalog;

import java.util.Optional;

/**
 * A way a public offer charges: {@link #CONTRACT} prices each entitled dimension for a duration of 1, 12, 24 or 36
 * months; {@link #USAGE} prices each unit of a metered dimension (up to 8 decimals); {@link #SUBSCRIPTION} charges a
 * monthly recurring price per entitled dimension; {@link #FREE_TRIAL} lets a buyer use the product free for some
 * days before a paid model applies; {@link #BYOL} (bring your own license) has no prices on the marketplace.
 */
public enum PricingModel {
    CONTRACT,
    USAGE,
    SUBSCRIPTION,
    FREE_TRIAL,
    BYOL;

    /** Whether the model carries list prices; a free trial and BYOL do not. */
    public boolean hasPrices() {
        return switch (this) {
            case CONTRACT, USAGE, SUBSCRIPTION -> true;
            case FREE_TRIAL, BYOL -> false;
        };
    }

    /** The dimension type this model prices, if it prices any. */
    public Optional<DimensionType> pricedDimensionType() {
        return switch (this) {
            case CONTRACT, SUBSCRIPTION -> Optional.of(DimensionType.ENTITLED);
            case USAGE -> Optional.of(DimensionType.METERED);
            case FREE_TRIAL, BYOL -> Optional.empty();
        };
    }
}
