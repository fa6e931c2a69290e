package io.offerdesk.resale.internal.domain;

import io.offerdesk.catalog.ListPrice;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.Constraint;
import io.offerdesk.offers.Term.Constraints;
import io.offerdesk.offers.Term.ContractRateCard;
import io.offerdesk.offers.Term.PricingTerm;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.UsageRateCard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;

/**
 * Turns a discount off list into explicit wholesale prices (ADR 0012): each list price of the term's kind less the
 * percentage, rounded once, half up, at the term's scale: the currency's for contract prices, {@link
 * ListPrice#USAGE_SCALE} decimals for usage prices.
 */
public final class WholesalePrices {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private WholesalePrices() {}

    /** The discounted term; absent when the product has no list prices of the kind. */
    public static Optional<PricingTerm> offList(WholesaleTerm.Discount discount, List<ListPrice> listPrices) {
        var factor = HUNDRED.subtract(discount.percentage());
        return switch (discount.kind()) {
            case CONFIGURABLE_UPFRONT -> contract(factor, listPrices);
            case USAGE -> usage(factor, listPrices);
            case FIXED_UPFRONT -> Optional.empty();
        };
    }

    private static Optional<PricingTerm> contract(BigDecimal factor, List<ListPrice> listPrices) {
        var byMonths = new TreeMap<Integer, List<Rate>>();
        CurrencyUnit currency = null;
        for (var price : listPrices) {
            if (price instanceof ListPrice.Contract contract) {
                currency = contract.price().getCurrencyUnit();
                var scale = currency.getDecimalPlaces();
                byMonths.computeIfAbsent(contract.durationMonths(), m -> new ArrayList<>())
                        .add(new Rate(
                                contract.dimensionKey(),
                                discounted(contract.price().getAmount(), factor, scale)));
            }
        }
        if (currency == null) {
            return Optional.empty();
        }
        var cards = new ArrayList<ContractRateCard>();
        for (Map.Entry<Integer, List<Rate>> entry : byMonths.entrySet()) {
            cards.add(new ContractRateCard(
                    Period.ofMonths(entry.getKey()),
                    new Constraints(Constraint.ALLOWED, Constraint.ALLOWED),
                    entry.getValue()));
        }
        return Optional.of(new ConfigurableUpfrontPricingTerm(currency.getCode(), cards));
    }

    private static Optional<PricingTerm> usage(BigDecimal factor, List<ListPrice> listPrices) {
        var rates = new ArrayList<Rate>();
        String currency = null;
        for (var price : listPrices) {
            if (price instanceof ListPrice.Usage usage) {
                currency = usage.pricePerUnit().getCurrencyUnit().getCode();
                rates.add(new Rate(
                        usage.dimensionKey(),
                        discounted(usage.pricePerUnit().getAmount(), factor, ListPrice.USAGE_SCALE)));
            }
        }
        return currency == null
                ? Optional.empty()
                : Optional.of(new UsageBasedPricingTerm(currency, List.of(new UsageRateCard(rates))));
    }

    private static BigDecimal discounted(BigDecimal listPrice, BigDecimal factor, int scale) {
        return listPrice.multiply(factor).divide(HUNDRED, scale, RoundingMode.HALF_UP);
    }
}
