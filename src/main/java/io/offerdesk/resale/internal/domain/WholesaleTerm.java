package io.offerdesk.resale.internal.domain;

import io.offerdesk.offers.Term.PricingTerm;
import java.math.BigDecimal;

/**
 * One wholesale pricing term as the ISV gave it: explicit prices, or (Offerdesk's extension member
 * {@code DiscountPercentage}) a discount off the product's list prices of the term's kind, turned into explicit prices
 * when the change is applied.
 */
public sealed interface WholesaleTerm {

    record Explicit(PricingTerm term) implements WholesaleTerm {}

    /**
     * @param kind {@link Kind#CONFIGURABLE_UPFRONT} or {@link Kind#USAGE}: a fixed upfront price is always 0
     * @param percentage more than 0 and less than 100
     */
    record Discount(Kind kind, BigDecimal percentage) implements WholesaleTerm {}

    /** The resale pricing term types and the offer term type each shares its shape with. */
    enum Kind {
        USAGE("ResaleUsageBasedPricingTerm", "UsageBasedPricingTerm"),
        CONFIGURABLE_UPFRONT("ResaleConfigurableUpfrontPricingTerm", "ConfigurableUpfrontPricingTerm"),
        FIXED_UPFRONT("ResaleFixedUpfrontPricingTerm", "FixedUpfrontPricingTerm");

        private final String wireName;
        private final String offerTermType;

        Kind(String wireName, String offerTermType) {
            this.wireName = wireName;
            this.offerTermType = offerTermType;
        }

        public String wireName() {
            return wireName;
        }

        public String offerTermType() {
            return offerTermType;
        }

        /** The resale type of an offer term type, e.g. {@code ResaleUsageBasedPricingTerm} for a usage term. */
        public static String resaleTypeOf(String offerTermType) {
            for (var kind : values()) {
                if (kind.offerTermType.equals(offerTermType)) {
                    return kind.wireName;
                }
            }
            return "Resale" + offerTermType;
        }
    }
}
