package io.offerdesk.offers;

import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.RecurringPaymentTerm;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import io.offerdesk.offers.internal.domain.PaymentSchedules;
import java.time.LocalDate;
import java.time.Period;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * What an offer costs at a glance, for lists: the upfront amount (the whole payment schedule when there is one),
 * the number of installments, whether usage is charged on top, any monthly price, the most the seller may charge
 * through payment requests, and the agreement duration.
 *
 * @param upfront absent when nothing is charged up front
 * @param installments 0 without a payment schedule
 * @param maxVariablePayments absent without a variable payment term
 */
public record PriceSummary(
        @Nullable OfferPricingModel model,
        @Nullable BigMoney upfront,
        int installments,
        @Nullable LocalDate firstCharge,
        boolean usage,
        @Nullable BigMoney monthly,
        @Nullable BigMoney maxVariablePayments,
        @Nullable Period duration) {

    public static PriceSummary of(Offer offer) {
        var schedule = offer.term(PaymentScheduleTerm.class);
        var fixed = offer.term(FixedUpfrontPricingTerm.class);
        BigMoney upfront = schedule.map(s -> PaymentSchedules.total(s).toBigMoney())
                .or(() -> fixed.filter(f -> f.price().signum() > 0)
                        .map(f -> BigMoney.of(CurrencyUnit.of(f.currencyCode()), f.price())))
                .orElse(null);
        var monthly = offer.term(RecurringPaymentTerm.class)
                .map(r -> BigMoney.of(CurrencyUnit.of(r.currencyCode()), r.price()))
                .orElse(null);
        var variable = offer.term(VariablePaymentTerm.class)
                .map(v -> BigMoney.of(CurrencyUnit.of(v.currencyCode()), v.maxTotalChargeAmount()))
                .orElse(null);
        return new PriceSummary(
                offer.pricingModel(),
                upfront,
                schedule.map(s -> s.schedule().size()).orElse(0),
                schedule.flatMap(s -> s.schedule().stream()
                                .map(Term.Installment::chargeDate)
                                .min(LocalDate::compareTo))
                        .orElse(null),
                offer.term(UsageBasedPricingTerm.class).isPresent(),
                monthly,
                variable,
                offer.term(ValidityTerm.class)
                        .map(ValidityTerm::agreementDuration)
                        .orElse(null));
    }
}
