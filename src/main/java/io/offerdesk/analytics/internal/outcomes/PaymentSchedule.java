package io.offerdesk.analytics.internal.outcomes;

import io.offerdesk.offers.Offer;
import io.offerdesk.offers.Term;

/**
 * How an offer is paid, as its terms say, for grouping outcomes: an installment schedule wins over the pricing it
 * divides, an upfront contract over usage on top of it.
 */
public enum PaymentSchedule {
    INSTALLMENTS,
    UPFRONT,
    SUBSCRIPTION,
    USAGE,
    FREE,
    BYOL;

    public static PaymentSchedule of(Offer offer) {
        if (has(offer, Term.PaymentScheduleTerm.class)) {
            return INSTALLMENTS;
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
