package io.offerdesk.analytics.internal.outcomes;

import io.offerdesk.offers.Offer;
import io.offerdesk.offers.Term;

/**
 * How an offer is paid, as its terms say, for grouping outcomes. A payment schedule of one charge is paid up front, of
 * several in installments; without a schedule, an upfront contract wins over usage on top of it.
 */
public enum PaymentSchedule {
    INSTALLMENTS,
    UPFRONT,
    SUBSCRIPTION,
    USAGE,
    FREE,
    BYOL;

    public static PaymentSchedule of(Offer offer) {
        var schedule = offer.term(Term.PaymentScheduleTerm.class);
        if (schedule.isPresent()) {
            return schedule.get().schedule().size() > 1 ? INSTALLMENTS : UPFRONT;
        }
        if (has(offer, Term.FixedUpfrontPricingTerm.class) || has(offer, Term.ConfigurableUpfrontPricingTerm.class)) {
            return UPFRONT;
        }
        if (has(offer, Term.RecurringPaymentTerm.class)) {
            return SUBSCRIPTION;
        }
        if (has(offer, Term.UsageBasedPricingTerm.class)) {
            return USAGE;
        }
        if (has(offer, Term.ByolPricingTerm.class)) {
            return BYOL;
        }
        // A free trial, or no pricing at all.
        return FREE;
    }

    private static boolean has(Offer offer, Class<? extends Term> type) {
        return offer.term(type).isPresent();
    }
}
