package io.offerdesk.gtm.internal.approvals.domain;

import io.offerdesk.catalog.ListPrice;
import io.offerdesk.catalog.Product;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.DocumentType;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.ValidityTerm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What the approval rules look at in a draft, each absent when the draft does not say (yet).
 *
 * @param discountPercent the highest discount against the product's list price over the prices the offer sets:
 *     contract rates per dimension and duration, usage rates per dimension, and an upfront total (or payment schedule)
 *     against the list value of its granted quantities for the agreement's duration. A list price for another
 *     duration is prorated by months
 * @param totalContractValue the payment schedule's total, or else the upfront price
 * @param customEula the legal term names a custom EULA document
 * @param backLoadFactor the largest installment after the first divided by the first; a schedule whose first
 *     installment is zero and a later one is not counts as infinitely back-loaded ({@link #ZERO_FIRST_INSTALLMENT})
 * @param markupPercent for a channel partner offer, what the buyer pays over the wholesale price, in percent of it:
 *     the markup the partner set, or else the totals compared
 * @param renewalGapDays for a replacement offer, the days between the replaced agreement's end and the new
 *     agreement's start (its fixed start date, or else the offer's expiry, the latest the buyer could accept);
 *     zero or negative when they meet or overlap
 * @param changedClauses the offer was made from a template whose EULA replaces or adds clauses to the standard contract
 * @param missingChecklistItems how many items of the offer's risk checklist still lack their evidence or sign-off
 */
public record OfferFacts(
        @Nullable BigDecimal discountPercent,
        @Nullable Money totalContractValue,
        boolean customEula,
        @Nullable BigDecimal backLoadFactor,
        @Nullable BigDecimal markupPercent,
        @Nullable Integer renewalGapDays,
        boolean changedClauses,
        int missingChecklistItems) {

    /** Stands for an infinite factor: a schedule that starts with nothing to pay. */
    public static final BigDecimal ZERO_FIRST_INSTALLMENT = BigDecimal.valueOf(Long.MAX_VALUE);

    private static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The facts of a draft.
     *
     * @param product the offer's product, for its list prices; absent when it cannot be read
     * @param replacedAgreementEnd the last day of the agreement a replacement offer replaces
     * @param changedClauses whether the template the offer was made from changes the standard contract's clauses
     * @param missingChecklistItems the checklist items still open
     */
    public static OfferFacts of(
            Offer offer,
            @Nullable Product product,
            @Nullable LocalDate replacedAgreementEnd,
            boolean changedClauses,
            int missingChecklistItems) {
        var prices = product == null || product.publicOffer() == null
                ? List.<ListPrice>of()
                : product.publicOffer().prices();
        return new OfferFacts(
                discount(offer, prices),
                totalContractValue(offer.terms()),
                offer.term(LegalTerm.class).stream()
                        .flatMap(t -> t.documents().stream())
                        .anyMatch(d -> d.type() == DocumentType.CUSTOM_EULA),
                offer.term(PaymentScheduleTerm.class)
                        .map(PaymentScheduleTerm::schedule)
                        .flatMap(OfferFacts::backLoad)
                        .orElse(null),
                markup(offer),
                renewalGap(offer, replacedAgreementEnd),
                changedClauses,
                missingChecklistItems);
    }

    private static @Nullable Money totalContractValue(List<Term> terms) {
        for (var term : terms) {
            if (term instanceof PaymentScheduleTerm schedule) {
                var total = Money.zero(CurrencyUnit.of(schedule.currencyCode()));
                for (var installment : schedule.schedule()) {
                    total = total.plus(installment.chargeAmount());
                }
                return total;
            }
        }
        for (var term : terms) {
            if (term instanceof FixedUpfrontPricingTerm fixed && fixed.price().signum() > 0) {
                return Money.of(CurrencyUnit.of(fixed.currencyCode()), fixed.price());
            }
        }
        return null;
    }

    private static @Nullable BigDecimal discount(Offer offer, List<ListPrice> prices) {
        var discounts = new ArrayList<BigDecimal>();
        var months = offer.term(ValidityTerm.class)
                .map(ValidityTerm::agreementDuration)
                .map(p -> (int) p.toTotalMonths())
                .filter(m -> m > 0)
                .orElse(null);
        for (var term : offer.terms()) {
            switch (term) {
                case ConfigurableUpfrontPricingTerm configurable -> {
                    for (var card : configurable.rateCards()) {
                        int cardMonths = (int) card.duration().toTotalMonths();
                        for (var rate : card.rateCard()) {
                            contractList(prices, rate.dimensionKey(), cardMonths, configurable.currencyCode())
                                    .ifPresent(list -> discounts.add(percentOff(rate.price(), list)));
                        }
                    }
                }
                case UsageBasedPricingTerm usage -> {
                    for (var card : usage.rateCards()) {
                        for (var rate : card.rateCard()) {
                            prices.stream()
                                    .filter(p -> p instanceof ListPrice.Usage u
                                            && u.dimensionKey().equals(rate.dimensionKey())
                                            && u.amount()
                                                    .getCurrencyUnit()
                                                    .getCode()
                                                    .equals(usage.currencyCode()))
                                    .findFirst()
                                    .ifPresent(list -> discounts.add(percentOff(
                                            rate.price(), list.amount().getAmount())));
                        }
                    }
                }
                case FixedUpfrontPricingTerm fixed
                when months != null -> {
                    var paid = totalContractValue(offer.terms());
                    var listValue = BigDecimal.ZERO;
                    boolean complete = !fixed.grants().isEmpty();
                    for (var grant : fixed.grants()) {
                        var list = contractList(prices, grant.dimensionKey(), months, fixed.currencyCode());
                        if (list.isEmpty() || grant.maxQuantity() == null) {
                            complete = false;
                            break;
                        }
                        listValue = listValue.add(list.get().multiply(BigDecimal.valueOf(grant.maxQuantity())));
                    }
                    if (complete && paid != null && listValue.signum() > 0) {
                        discounts.add(percentOff(paid.getAmount(), listValue));
                    } else if (complete && paid == null && listValue.signum() > 0) {
                        // A zero price without a schedule gives the quantities away.
                        discounts.add(HUNDRED.setScale(SCALE));
                    }
                }
                default -> {}
            }
        }
        return discounts.stream().max(Comparator.naturalOrder()).orElse(null);
    }

    /** The list price of a dimension for a contract of {@code months}, prorated from another duration if need be. */
    private static Optional<BigDecimal> contractList(
            List<ListPrice> prices, String dimensionKey, int months, String currencyCode) {
        var contracts = prices.stream()
                .filter(p -> p instanceof ListPrice.Contract c
                        && c.dimensionKey().equals(dimensionKey)
                        && c.price().getCurrencyUnit().getCode().equals(currencyCode))
                .map(ListPrice.Contract.class::cast)
                .toList();
        var exact = contracts.stream().filter(c -> c.durationMonths() == months).findFirst();
        if (exact.isPresent()) {
            return Optional.of(exact.get().price().getAmount());
        }
        return contracts.stream()
                .findFirst()
                .map(c -> c.price()
                        .getAmount()
                        .multiply(BigDecimal.valueOf(months))
                        .divide(BigDecimal.valueOf(c.durationMonths()), 8, RoundingMode.HALF_UP));
    }

    private static BigDecimal percentOff(BigDecimal price, BigDecimal list) {
        if (list.signum() <= 0) {
            return BigDecimal.ZERO.setScale(SCALE);
        }
        return BigDecimal.ONE
                .subtract(price.divide(list, 8, RoundingMode.HALF_UP))
                .multiply(HUNDRED)
                .setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static Optional<BigDecimal> backLoad(List<Installment> schedule) {
        if (schedule.size() < 2) {
            return Optional.empty();
        }
        var sorted = schedule.stream()
                .sorted(Comparator.comparing(Installment::chargeDate))
                .toList();
        var first = sorted.getFirst().chargeAmount();
        var largestLater = sorted.stream()
                .skip(1)
                .map(Installment::chargeAmount)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        if (first.signum() == 0) {
            return Optional.of(largestLater.signum() > 0 ? ZERO_FIRST_INSTALLMENT : BigDecimal.ZERO);
        }
        return Optional.of(largestLater.divide(first, SCALE, RoundingMode.HALF_UP));
    }

    private static @Nullable BigDecimal markup(Offer offer) {
        var resale = offer.resale();
        if (resale == null) {
            return null;
        }
        if (resale.markupPercentage() != null) {
            return resale.markupPercentage();
        }
        var buyer = totalContractValue(offer.terms());
        var wholesale = totalContractValue(resale.wholesaleTerms());
        if (buyer == null
                || wholesale == null
                || !buyer.getCurrencyUnit().equals(wholesale.getCurrencyUnit())
                || wholesale.isZero()) {
            return null;
        }
        return buyer.getAmount()
                .subtract(wholesale.getAmount())
                .multiply(HUNDRED)
                .divide(wholesale.getAmount(), SCALE, RoundingMode.HALF_UP);
    }

    private static @Nullable Integer renewalGap(Offer offer, @Nullable LocalDate replacedAgreementEnd) {
        if (replacedAgreementEnd == null) {
            return null;
        }
        var start = offer.term(ValidityTerm.class)
                .map(ValidityTerm::agreementStartDate)
                .orElse(offer.availabilityEndDate());
        if (start == null) {
            return null;
        }
        // The old agreement covers its end date; the new one its start date: days strictly between are uncovered.
        return (int) ChronoUnit.DAYS.between(replacedAgreementEnd, start) - 1;
    }
}
