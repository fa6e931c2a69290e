package io.offerdesk.catalog;

import org.joda.money.BigMoney;
import org.joda.money.Money;

/**
 * One list price of a public offer. Contract and subscription prices are whole amounts in the currency's minor units
 * ({@link Money}); usage prices are unit prices with up to {@link #USAGE_SCALE} decimals ({@link BigMoney}), since a
 * request may cost a fraction of a cent. Rounding happens only where a metered quantity meets a usage price.
 */
public sealed interface ListPrice {

    int USAGE_SCALE = 8;

    String dimensionKey();

    PricingModel model();

    /** The price of one entitled unit for a contract of {@code durationMonths}. */
    record Contract(String dimensionKey, int durationMonths, Money price) implements ListPrice {
        @Override
        public PricingModel model() {
            return PricingModel.CONTRACT;
        }
    }

    /** The price of one metered unit. */
    record Usage(String dimensionKey, BigMoney pricePerUnit) implements ListPrice {
        public Usage {
            pricePerUnit = pricePerUnit.withScale(USAGE_SCALE);
        }

        @Override
        public PricingModel model() {
            return PricingModel.USAGE;
        }
    }

    /** The monthly recurring price of one entitled unit. */
    record Subscription(String dimensionKey, Money monthlyPrice) implements ListPrice {
        @Override
        public PricingModel model() {
            return PricingModel.SUBSCRIPTION;
        }
    }
}
