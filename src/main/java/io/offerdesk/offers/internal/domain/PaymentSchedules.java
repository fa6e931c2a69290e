package io.offerdesk.offers.internal.domain;

import io.offerdesk.offers.Term.PaymentScheduleTerm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Sums and splits of installment plans, in the currency's minor units and never rounded silently. */
public final class PaymentSchedules {

    private PaymentSchedules() {}

    /**
     * What the schedule charges in all.
     *
     * @throws ArithmeticException when an amount has more decimals than its currency; accepted schedules never do
     */
    public static Money total(PaymentScheduleTerm term) {
        var currency = term.currency();
        var total = Money.zero(currency);
        for (var installment : term.schedule()) {
            total = total.plus(Money.of(currency, installment.chargeAmount()));
        }
        return total;
    }

    /**
     * Splits {@code total} into {@code installments} equal parts, rounded down to the currency's minor unit once; the
     * last part takes the remainder, so the parts always sum to the total.
     */
    public static List<Money> split(Money total, int installments) {
        if (installments < 1) {
            throw new IllegalArgumentException("a schedule has at least one installment: " + installments);
        }
        var part = total.dividedBy(installments, RoundingMode.DOWN);
        var parts = new ArrayList<Money>(installments);
        for (int i = 1; i < installments; i++) {
            parts.add(part);
        }
        parts.add(total.minus(part.multipliedBy(installments - 1L)));
        return List.copyOf(parts);
    }

    /** Whether {@code amount} is a whole number of the currency's minor units, e.g. no decimals in yen. */
    public static boolean fitsCurrencyScale(BigDecimal amount, CurrencyUnit currency) {
        return OfferRules.decimalsOf(amount) <= currency.getDecimalPlaces();
    }
}
