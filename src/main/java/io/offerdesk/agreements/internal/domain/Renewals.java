package io.offerdesk.agreements.internal.domain;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.ChargeSummary;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.ContractRateCard;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PaymentScheduleTermTemplate;
import io.offerdesk.offers.Term.PriceIncrease;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.RecurringPaymentTerm;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.TemplateCharge;
import io.offerdesk.offers.Term.ValidityTerm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Automatic renewal by the renewal term: when the renewed agreement runs, the price increase that applies, the renewed
 * terms with their prices increased, the installments a payment-schedule template makes of the renewal price, and the
 * windows before the end in which the terms are frozen (lockout) or the seller may still adjust the increase.
 */
public final class Renewals {

    /**
     * A renewal starts the millisecond after its predecessor ends: an end date ends at 23:59:59.999 UTC, so the
     * renewal starts at 00:00 UTC of the next day, and the two periods do not overlap by {@link Acceptance}'s rule.
     */
    public static final Duration GAP = Duration.ofMillis(1);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Renewals() {}

    /** The renewed agreement's dates and terms. */
    public record Renewal(Instant startTime, Instant endTime, List<AcceptedTerm> terms) {
        public Renewal {
            terms = List.copyOf(terms);
        }
    }

    /** A renewal with the increase it applies and what it charges. */
    public record PricedRenewal(Renewal renewal, BigDecimal priceIncrease, ChargeSummary charges) {}

    /**
     * The renewal of an agreement that has a renewal term and an end, priced as of {@code now}: the charges a quote of
     * the renewed terms would have.
     *
     * @param chosen the increase the seller chose within a percentage range, if they did
     */
    public static PricedRenewal price(
            Agreement agreement, @Nullable BigDecimal chosen, Instant now, String invoicingEntity) {
        var term = agreement
                .term(RenewalTerm.class)
                .orElseThrow(
                        () -> new IllegalArgumentException("agreement " + agreement.id() + " has no renewal term"));
        var end = Objects.requireNonNull(agreement.endTime(), "a renewing agreement has an end");
        var currency = agreement.agreementValue().getCurrencyUnit();
        var percent = priceIncrease(term, chosen);
        var renewal = renew(agreement.startTime(), end, agreement.terms(), currency, percent);
        var charges =
                Quotes.charges(renewal.terms(), currency, renewal.startTime(), renewal.endTime(), now, invoicingEntity);
        return new PricedRenewal(renewal, percent, charges);
    }

    /**
     * The increase in percent a renewal applies: a fixed percentage, or for a range the value the seller chose before
     * the adjustment deadline, else the range's default. A private offer always has one; without it prices stay.
     */
    public static BigDecimal priceIncrease(RenewalTerm term, @Nullable BigDecimal chosen) {
        return switch (term.priceIncrease()) {
            case null -> BigDecimal.ZERO;
            case PriceIncrease.FixedPercentage fixed -> fixed.value();
            case PriceIncrease.PercentageRange range -> chosen != null ? chosen : range.defaultValue();
        };
    }

    /**
     * The agreement that continues one running from {@code start} to {@code end}: as long again, from the millisecond
     * after the end, with every price the contract charges increased by {@code percent}. Usage rates stay: metered use
     * is priced as the offer's rate card says.
     */
    public static Renewal renew(
            Instant start, Instant end, List<AcceptedTerm> terms, CurrencyUnit currency, BigDecimal percent) {
        var renewalStart = end.plus(GAP);
        var renewalEnd = renewalStart.plus(Duration.between(start, end));
        var template = terms.stream()
                .map(AcceptedTerm::term)
                .filter(RenewalTerm.class::isInstance)
                .map(term -> ((RenewalTerm) term).paymentScheduleTemplate())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        var renewed = terms.stream()
                .map(accepted -> new AcceptedTerm(
                        accepted.id(),
                        renewedTerm(accepted.term(), template, currency, percent, start, renewalStart, renewalEnd),
                        accepted.configuration()))
                .toList();
        return new Renewal(renewalStart, renewalEnd, renewed);
    }

    private static Term renewedTerm(
            Term term,
            @Nullable PaymentScheduleTermTemplate template,
            CurrencyUnit currency,
            BigDecimal percent,
            Instant start,
            Instant renewalStart,
            Instant renewalEnd) {
        return switch (term) {
            case FixedUpfrontPricingTerm fixed ->
                new FixedUpfrontPricingTerm(
                        fixed.currencyCode(),
                        increased(fixed.price(), percent, currency),
                        fixed.grants(),
                        fixed.duration());
            case ConfigurableUpfrontPricingTerm contract ->
                new ConfigurableUpfrontPricingTerm(
                        contract.currencyCode(),
                        contract.rateCards().stream()
                                .map(card -> new ContractRateCard(
                                        card.duration(),
                                        card.constraints(),
                                        card.rateCard().stream()
                                                .map(rate -> new Rate(
                                                        rate.dimensionKey(),
                                                        increased(rate.price(), percent, currency)))
                                                .toList()))
                                .toList());
            case RecurringPaymentTerm recurring ->
                new RecurringPaymentTerm(
                        recurring.currencyCode(),
                        recurring.billingPeriod(),
                        increased(recurring.price(), percent, currency));
            case PaymentScheduleTerm schedule -> {
                var total = increased(scheduleTotal(schedule, currency), percent);
                var renewalDate = LocalDate.ofInstant(renewalStart, ZoneOffset.UTC);
                yield new PaymentScheduleTerm(
                        schedule.currencyCode(),
                        template != null
                                ? installments(template, total, renewalDate)
                                : moved(
                                        schedule,
                                        currency,
                                        percent,
                                        LocalDate.ofInstant(start, ZoneOffset.UTC),
                                        renewalDate));
            }
            case ValidityTerm validity ->
                new ValidityTerm(
                        validity.agreementDuration(),
                        validity.agreementStartDate() == null
                                ? null
                                : LocalDate.ofInstant(renewalStart, ZoneOffset.UTC),
                        validity.agreementEndDate() == null ? null : LocalDate.ofInstant(renewalEnd, ZoneOffset.UTC));
            default -> term;
        };
    }

    /**
     * The installments a template makes of the renewal price: each at its offset from the renewal date (on its day of
     * the month, if it names one), each its percentage of the price rounded down to the currency; the last takes the
     * remainder, so the installments always sum to the price and none is negative.
     */
    public static List<Installment> installments(
            PaymentScheduleTermTemplate template, Money price, LocalDate renewalDate) {
        var charges = template.schedule();
        var installments = new ArrayList<Installment>(charges.size());
        var rest = price;
        for (int i = 0; i < charges.size(); i++) {
            var charge = charges.get(i);
            var amount = i == charges.size() - 1
                    ? rest
                    : price.multipliedBy(charge.chargePercentage().movePointLeft(2), RoundingMode.DOWN);
            rest = rest.minus(amount);
            installments.add(new Installment(chargeDate(charge, renewalDate), amount.getAmount()));
        }
        return installments;
    }

    static LocalDate chargeDate(TemplateCharge charge, LocalDate renewalDate) {
        var date = renewalDate.plus(charge.chargeDateOffset());
        var day = charge.dayOfMonth();
        return day == null ? date : date.withDayOfMonth(Math.min(day, date.lengthOfMonth()));
    }

    /** Without a template (offers made before templates were required), each installment moves with the start. */
    private static List<Installment> moved(
            PaymentScheduleTerm schedule,
            CurrencyUnit currency,
            BigDecimal percent,
            LocalDate startDate,
            LocalDate renewalDate) {
        var shift = ChronoUnit.DAYS.between(startDate, renewalDate);
        return schedule.schedule().stream()
                .map(i -> new Installment(
                        i.chargeDate().plusDays(shift),
                        increased(Money.of(currency, i.chargeAmount(), RoundingMode.HALF_UP), percent)
                                .getAmount()))
                .toList();
    }

    private static Money scheduleTotal(PaymentScheduleTerm schedule, CurrencyUnit currency) {
        var total = BigMoney.zero(currency);
        for (var installment : schedule.schedule()) {
            total = total.plus(installment.chargeAmount());
        }
        return total.toMoney(RoundingMode.HALF_UP);
    }

    /** A unit price increased by {@code percent}, rounded half-up once, keeping at least the currency's decimals. */
    static BigDecimal increased(BigDecimal price, BigDecimal percent, CurrencyUnit currency) {
        var scale = Math.max(price.scale(), currency.getDecimalPlaces());
        return price.multiply(factor(percent)).setScale(scale, RoundingMode.HALF_UP);
    }

    static Money increased(Money price, BigDecimal percent) {
        return price.multipliedBy(factor(percent), RoundingMode.HALF_UP);
    }

    private static BigDecimal factor(BigDecimal percent) {
        return BigDecimal.ONE.add(percent.divide(HUNDRED));
    }

    /** From when the terms are frozen before the end: no opt-out, no price adjustment. Absent without a lockout. */
    public static @Nullable Instant lockoutStart(RenewalTerm term, Instant end) {
        return before(end, term.lockoutPeriod());
    }

    /**
     * Until when the seller may choose the increase within a percentage range: the adjustment deadline before the end,
     * or else the lockout, or else the end. Absent when the increase is not a range.
     */
    public static @Nullable Instant adjustmentDeadline(RenewalTerm term, Instant end) {
        if (!(term.priceIncrease() instanceof PriceIncrease.PercentageRange)) {
            return null;
        }
        var deadline = before(end, term.adjustmentDeadline());
        if (deadline != null) {
            return deadline;
        }
        var lockout = lockoutStart(term, end);
        return lockout != null ? lockout : end;
    }

    /** Whether {@code now} is inside the lockout before {@code end}. */
    public static boolean lockedOut(RenewalTerm term, Instant end, Instant now) {
        var lockout = lockoutStart(term, end);
        return lockout != null && !now.isBefore(lockout);
    }

    private static @Nullable Instant before(Instant end, @Nullable Period period) {
        return period == null ? null : end.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }
}
