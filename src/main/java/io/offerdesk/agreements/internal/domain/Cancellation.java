package io.offerdesk.agreements.internal.domain;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.RefusalReason;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.RecurringPaymentTerm;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import java.util.Optional;

/**
 * Which agreements a buyer may cancel alone (ADR 0011). An agreement whose terms commit the buyer to pay for a period
 * (an upfront price, a contract, installments, a recurring fee, variable payments) binds the seller too: it ends early only when the buyer
 * approves the seller's cancellation request. Pay-as-you-go usage, free trials and free contracts commit nobody, and the
 * buyer cancels them whenever they like.
 */
public final class Cancellation {

    private Cancellation() {}

    /** The term that commits the buyer, if any: while there is one, the buyer cannot cancel the agreement alone. */
    public static Optional<Term> commitment(Agreement agreement) {
        return agreement.terms().stream()
                .map(AcceptedTerm::term)
                .filter(Cancellation::commits)
                .findFirst();
    }

    /**
     * @throws io.offerdesk.shared.InvalidInput {@code UNSUPPORTED_ACTION} naming the committing term
     */
    public static void checkBuyerMayCancel(Agreement agreement) {
        commitment(agreement).ifPresent(term -> {
            throw RefusalReason.UNSUPPORTED_ACTION.at(
                    "agreementId", agreement.id().value(), term.type());
        });
    }

    static boolean commits(Term term) {
        return switch (term) {
            case FixedUpfrontPricingTerm fixed -> fixed.price().signum() > 0;
            case ConfigurableUpfrontPricingTerm contract -> true;
            case PaymentScheduleTerm schedule -> true;
            case RecurringPaymentTerm recurring -> true;
            // The buyer agreed to pay what the seller requests up to the maximum; walking away would void that.
            case VariablePaymentTerm variable -> true;
            default -> false;
        };
    }
}
