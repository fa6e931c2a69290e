package io.offerdesk.gtm.internal.renewals.domain;

import io.offerdesk.gtm.internal.templates.domain.RenewalMode;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.ContractRateCard;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.FreeTrialPricingTerm;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.RecurringPaymentTerm;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.UsageRateCard;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.shared.Allocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The terms of a renewal: the agreement's accepted terms, dearer by the price increase, for a new term of the same
 * length that starts where the agreement ends.
 *
 * <p>Every price is raised in one rounding step (half up) to its currency's minor unit; usage rates, which AWS writes
 * with up to eight decimals, to at most eight. A payment schedule's total is raised once and split in proportion to the
 * old installments with {@link Allocation}, the largest installment taking the remainder, so the new installments sum
 * exactly to the raised total.
 */
public final class RenewalTerms {

    /** Most decimals of a usage rate, as AWS's unit prices. */
    static final int RATE_SCALE_MAX = 8;

    /** How long after the old agreement's end a plain new offer stays open, so the buyer can accept it then. */
    public static final int NEW_OFFER_OPEN_DAYS = 14;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RenewalTerms() {}

    /**
     * The renewal's dates: its term runs from the day after the old end for as many days as the old term (both ends
     * included); the offer expires the day before the old end (today at the earliest), since a replacement must be
     * accepted while the agreement runs and a future-dated agreement starts after the offer's expiry. A plain new offer
     * can only be accepted once the old agreement ended (a buyer holds one agreement per product at a time), so it
     * stays open {@link #NEW_OFFER_OPEN_DAYS} days after the old end.
     */
    public record Dates(LocalDate start, LocalDate end, LocalDate expiry) {

        public static Dates of(RenewalMode mode, LocalDate oldStart, LocalDate oldEnd, LocalDate today) {
            var start = oldEnd.plusDays(1);
            var end = start.plus(Period.between(oldStart, start)).minusDays(1);
            var expiry = switch (mode) {
                case REPLACEMENT, FUTURE_DATED -> latest(today, oldEnd.minusDays(1));
                case NEW_OFFER -> oldEnd.plusDays(NEW_OFFER_OPEN_DAYS);
            };
            return new Dates(start, end, expiry);
        }

        private static LocalDate latest(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }

    /**
     * The validity of the renewal: a replacement and a new offer end on the new end date and start at acceptance; a
     * future-dated offer also starts on the new start date.
     */
    public static ValidityTerm validity(RenewalMode mode, Dates dates) {
        return switch (mode) {
            case REPLACEMENT, NEW_OFFER -> new ValidityTerm(null, null, dates.end());
            case FUTURE_DATED -> new ValidityTerm(null, dates.start(), dates.end());
        };
    }

    /**
     * The accepted terms as the renewal carries them: prices raised by {@code percent}, the payment schedule moved to
     * the new term, the validity replaced by {@code validity}. The renewal term and a free trial are left out: AWS
     * allows no renewal term on a renewal offer, and a renewing buyer has had its trial.
     *
     * @param oldStart the first day of the old term, from which the installments' places are measured
     */
    public static List<Term> renewed(
            List<Term> accepted, BigDecimal percent, LocalDate oldStart, Dates dates, ValidityTerm validity) {
        var terms = new ArrayList<Term>();
        for (var term : accepted) {
            switch (term) {
                case FixedUpfrontPricingTerm f ->
                    terms.add(new FixedUpfrontPricingTerm(
                            f.currencyCode(), raised(f.price(), f.currency(), percent), f.grants(), f.duration()));
                case ConfigurableUpfrontPricingTerm c ->
                    terms.add(new ConfigurableUpfrontPricingTerm(
                            c.currencyCode(),
                            c.rateCards().stream()
                                    .map(card -> new ContractRateCard(
                                            card.duration(),
                                            card.constraints(),
                                            raisedRates(card.rateCard(), c.currency(), percent)))
                                    .toList()));
                case UsageBasedPricingTerm u ->
                    terms.add(new UsageBasedPricingTerm(
                            u.currencyCode(),
                            u.rateCards().stream()
                                    .map(card -> new UsageRateCard(card.rateCard().stream()
                                            .map(rate ->
                                                    new Rate(rate.dimensionKey(), raisedRate(rate.price(), percent)))
                                            .toList()))
                                    .toList()));
                case RecurringPaymentTerm r ->
                    terms.add(new RecurringPaymentTerm(
                            r.currencyCode(), r.billingPeriod(), raised(r.price(), r.currency(), percent)));
                case PaymentScheduleTerm s -> terms.add(schedule(s, percent, oldStart, dates.start()));
                case ValidityTerm v -> terms.add(validity);
                case RenewalTerm r -> {}
                case FreeTrialPricingTerm t -> {}
                case Term.ByolPricingTerm b -> terms.add(b);
                case Term.LegalTerm l -> terms.add(l);
                case Term.SupportTerm s -> terms.add(s);
                case Term.NetPaymentTerm n -> terms.add(n);
                case Term.VariablePaymentTerm v -> terms.add(v);
            }
        }
        if (terms.stream().noneMatch(ValidityTerm.class::isInstance)) {
            terms.add(validity);
        }
        return List.copyOf(terms);
    }

    /** {@code amount} raised by {@code percent}, rounded once, half up, to the currency's minor unit. */
    public static Money raised(Money amount, BigDecimal percent) {
        return amount.multipliedBy(factor(percent), RoundingMode.HALF_UP);
    }

    /**
     * The installments raised together: the raised total split in proportion to the old amounts, the largest old
     * installment taking the remainder; each moved from the old term's start to the new one's.
     */
    public static PaymentScheduleTerm schedule(
            PaymentScheduleTerm old, BigDecimal percent, LocalDate oldStart, LocalDate newStart) {
        var currency = old.currency();
        var amounts = old.schedule().stream()
                .map(i -> Money.of(currency, i.chargeAmount()))
                .toList();
        var total = amounts.stream().reduce(Money.zero(currency), Money::plus);
        var weights = amounts.stream().map(Money::getAmount).toList();
        var parts = total.isZero()
                ? amounts
                : Allocation.split(raised(total, percent), weights, Allocation.largest(weights));
        var schedule = new ArrayList<Installment>();
        for (int i = 0; i < parts.size(); i++) {
            var offset = Period.between(oldStart, old.schedule().get(i).chargeDate());
            var date = offset.isNegative() ? newStart : newStart.plus(offset);
            schedule.add(new Installment(date, parts.get(i).getAmount()));
        }
        return new PaymentScheduleTerm(old.currencyCode(), schedule);
    }

    /** A channel partner's markup raised so that the buyer price rises by {@code percent} over the same wholesale. */
    public static BigDecimal raisedMarkup(BigDecimal markup, BigDecimal percent) {
        return HUNDRED.add(markup).multiply(factor(percent)).subtract(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal raised(BigDecimal amount, CurrencyUnit currency, BigDecimal percent) {
        return raised(Money.of(currency, amount, RoundingMode.UNNECESSARY), percent)
                .getAmount();
    }

    private static List<Rate> raisedRates(List<Rate> rates, CurrencyUnit currency, BigDecimal percent) {
        return rates.stream()
                .map(rate -> new Rate(rate.dimensionKey(), raised(rate.price(), currency, percent)))
                .toList();
    }

    /** A unit price raised exactly when eight decimals hold it, else rounded half up to eight. */
    static BigDecimal raisedRate(BigDecimal rate, BigDecimal percent) {
        var exact = rate.multiply(factor(percent));
        var rounded = exact.scale() > RATE_SCALE_MAX ? exact.setScale(RATE_SCALE_MAX, RoundingMode.HALF_UP) : exact;
        // Trailing zeros the factor added go; the rate keeps at least the decimals it was written with.
        var stripped = rounded.stripTrailingZeros();
        return stripped.scale() < rate.scale() ? rounded.setScale(rate.scale(), RoundingMode.UNNECESSARY) : stripped;
    }

    private static BigDecimal factor(BigDecimal percent) {
        Objects.requireNonNull(percent);
        return HUNDRED.add(percent).divide(HUNDRED);
    }
}
