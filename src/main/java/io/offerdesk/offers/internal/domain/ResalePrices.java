package io.offerdesk.offers.internal.domain;

import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.ContractRateCard;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.RecurringPaymentTerm;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.UsageRateCard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * A resale offer's prices against its wholesale prices: the markup that raises them, and each buyer price beside the
 * wholesale price it must not fall below. The rules refuse a price below wholesale; the partner's composer shows the
 * same pairs with their margins.
 */
public final class ResalePrices {

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private ResalePrices() {}

    /**
     * One price of a resale offer beside its wholesale price.
     *
     * @param item what is priced: the dimension key (after the duration of a contract rate card), {@code Price}, or the
     *     charge date of an installment
     * @param buyer the buyer's price; absent when the offer does not price the item
     * @param installment whether it is a payment-schedule installment, paid once, rather than a price per unit or period
     */
    public record PricePair(
            String termType,
            String item,
            String currencyCode,
            BigDecimal wholesale,
            @Nullable BigDecimal buyer,
            boolean installment) {

        /** What the partner keeps of the price; absent when the offer does not price the item. */
        public @Nullable BigDecimal margin() {
            return buyer == null ? null : buyer.subtract(wholesale);
        }

        public boolean belowWholesale() {
            return buyer != null && buyer.compareTo(wholesale) < 0;
        }
    }

    /** The wholesale terms with every price and installment raised by {@code percentage}, each rounded once. */
    public static List<Term> markedUp(List<Term> wholesaleTerms, BigDecimal percentage) {
        var factor = BigDecimal.ONE.add(percentage.divide(HUNDRED));
        return wholesaleTerms.stream()
                .map(term -> withPrices(
                        term,
                        (price, decimals) -> scaled(price.multiply(factor), decimals, price),
                        (amount, currency) ->
                                amount.multiply(factor).setScale(currency.getDecimalPlaces(), RoundingMode.HALF_UP)))
                .toList();
    }

    /** Whether the two price the same things the same way (term types, dimensions, durations, grants, currency). */
    static boolean sameShape(List<? extends Term> wholesale, List<? extends Term> buyer) {
        return new HashSet<>(withoutPrices(wholesale)).equals(new HashSet<>(withoutPrices(buyer)));
    }

    /** Every wholesale price and installment beside the buyer's price for the same item, in the wholesale order. */
    public static List<PricePair> pairs(List<Term> wholesaleTerms, List<Term> buyerTerms) {
        var pairs = new ArrayList<PricePair>();
        for (var wholesale : wholesaleTerms) {
            var buyer = buyerTerms.stream()
                    .filter(term -> term.getClass() == wholesale.getClass())
                    .findFirst()
                    .orElse(null);
            switch (wholesale) {
                case FixedUpfrontPricingTerm fixed ->
                    pairs.add(new PricePair(
                            fixed.type(),
                            "Price",
                            fixed.currencyCode(),
                            fixed.price(),
                            buyer instanceof FixedUpfrontPricingTerm b ? b.price() : null,
                            false));
                case RecurringPaymentTerm recurring ->
                    pairs.add(new PricePair(
                            recurring.type(),
                            "Price",
                            recurring.currencyCode(),
                            recurring.price(),
                            buyer instanceof RecurringPaymentTerm b ? b.price() : null,
                            false));
                case ConfigurableUpfrontPricingTerm configurable -> {
                    for (var card : configurable.rateCards()) {
                        var buyerCard = buyer instanceof ConfigurableUpfrontPricingTerm b
                                ? b.rateCards().stream()
                                        .filter(c -> c.duration().equals(card.duration()))
                                        .findFirst()
                                        .map(ContractRateCard::rateCard)
                                        .orElse(List.of())
                                : List.<Rate>of();
                        for (var rate : card.rateCard()) {
                            pairs.add(new PricePair(
                                    configurable.type(),
                                    card.duration() + " " + rate.dimensionKey(),
                                    configurable.currencyCode(),
                                    rate.price(),
                                    price(buyerCard, rate.dimensionKey()),
                                    false));
                        }
                    }
                }
                case UsageBasedPricingTerm usage -> {
                    var buyerRates = buyer instanceof UsageBasedPricingTerm b
                            ? b.rateCards().stream()
                                    .flatMap(card -> card.rateCard().stream())
                                    .toList()
                            : List.<Rate>of();
                    usage.rateCards().stream()
                            .flatMap(card -> card.rateCard().stream())
                            .forEach(rate -> pairs.add(new PricePair(
                                    usage.type(),
                                    rate.dimensionKey(),
                                    usage.currencyCode(),
                                    rate.price(),
                                    price(buyerRates, rate.dimensionKey()),
                                    false)));
                }
                case PaymentScheduleTerm schedule -> {
                    for (var installment : schedule.schedule()) {
                        pairs.add(new PricePair(
                                schedule.type(),
                                installment.chargeDate().toString(),
                                schedule.currencyCode(),
                                installment.chargeAmount(),
                                buyer instanceof PaymentScheduleTerm b
                                        ? b.schedule().stream()
                                                .filter(i -> i.chargeDate().equals(installment.chargeDate()))
                                                .map(Installment::chargeAmount)
                                                .findFirst()
                                                .orElse(null)
                                        : null,
                                true));
                    }
                }
                default -> {
                    // Legal, validity and the other terms carry no prices.
                }
            }
        }
        return List.copyOf(pairs);
    }

    /**
     * What the partner keeps of the amounts the buyer pays once: the installments, or the upfront price when there are
     * none. Prices per unit or per period have no total until the buyer uses them.
     */
    public static Optional<BigDecimal> marginPaidOnce(List<PricePair> pairs) {
        var once = pairs.stream()
                .filter(pair -> pair.installment() || pair.termType().equals("FixedUpfrontPricingTerm"))
                .map(PricePair::margin)
                .filter(Objects::nonNull)
                .toList();
        return once.isEmpty() ? Optional.empty() : Optional.of(once.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static @Nullable BigDecimal price(List<Rate> rates, String dimensionKey) {
        return rates.stream()
                .filter(rate -> rate.dimensionKey().equals(dimensionKey))
                .map(Rate::price)
                .findFirst()
                .orElse(null);
    }

    /**
     * A raised price at most at the decimals its term allows (3 upfront, 8 usage) and never at fewer than the
     * wholesale price was written with, so that 80.00 raised by 8% reads 86.40.
     */
    private static BigDecimal scaled(BigDecimal raised, int decimals, BigDecimal wholesale) {
        var rounded = raised.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        var scale = Math.max(0, Math.min(decimals, wholesale.scale()));
        return rounded.scale() < scale ? rounded.setScale(scale, RoundingMode.UNNECESSARY) : rounded;
    }

    private static List<Term> withoutPrices(List<? extends Term> terms) {
        return terms.stream()
                .map(term -> withPrices(term, (price, decimals) -> BigDecimal.ZERO, (amount, currency) -> amount))
                .toList();
    }

    @FunctionalInterface
    private interface UnitPrice {
        BigDecimal apply(BigDecimal price, int decimals);
    }

    @FunctionalInterface
    private interface ChargeAmount {
        BigDecimal apply(BigDecimal amount, CurrencyUnit currency);
    }

    /** The term with each price and installment changed; the traversal both markup and shape comparison share. */
    private static Term withPrices(Term term, UnitPrice unit, ChargeAmount charge) {
        var upfront = OfferRules.UPFRONT_PRICE_DECIMALS;
        return switch (term) {
            case FixedUpfrontPricingTerm fixed ->
                new FixedUpfrontPricingTerm(
                        fixed.currencyCode(), unit.apply(fixed.price(), upfront), fixed.grants(), fixed.duration());
            case RecurringPaymentTerm recurring ->
                new RecurringPaymentTerm(
                        recurring.currencyCode(), recurring.billingPeriod(), unit.apply(recurring.price(), upfront));
            case ConfigurableUpfrontPricingTerm configurable ->
                new ConfigurableUpfrontPricingTerm(
                        configurable.currencyCode(),
                        configurable.rateCards().stream()
                                .map(card -> new ContractRateCard(
                                        card.duration(), card.constraints(), rates(card.rateCard(), unit, upfront)))
                                .toList());
            case UsageBasedPricingTerm usage ->
                new UsageBasedPricingTerm(
                        usage.currencyCode(),
                        usage.rateCards().stream()
                                .map(card -> new UsageRateCard(
                                        rates(card.rateCard(), unit, OfferRules.USAGE_PRICE_DECIMALS)))
                                .toList());
            case PaymentScheduleTerm schedule ->
                new PaymentScheduleTerm(
                        schedule.currencyCode(),
                        schedule.schedule().stream()
                                .map(installment -> new Installment(
                                        installment.chargeDate(),
                                        charge.apply(installment.chargeAmount(), schedule.currency())))
                                .toList());
            default -> term;
        };
    }

    private static List<Rate> rates(List<Rate> rates, UnitPrice unit, int decimals) {
        return rates.stream()
                .map(rate -> new Rate(rate.dimensionKey(), unit.apply(rate.price(), decimals)))
                .toList();
    }
}
