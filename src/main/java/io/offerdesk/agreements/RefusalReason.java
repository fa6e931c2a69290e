package io.offerdesk.agreements;

import io.offerdesk.shared.InvalidInput;

/**
 * Why a quote, an acceptance or a request about an agreement was refused: AWS's {@code ValidationExceptionReason}
 * values that Offerdesk gives. Each is also the message key {@code agreement.<NAME>} that explains it to the reader.
 */
public enum RefusalReason {
    /** The buyer already holds an agreement for the product whose dates overlap the new one's. */
    DUPLICATE_AGREEMENT_IN_ORGANIZATION,
    /** The offer (or the agreement request) expired before it was accepted. */
    EXPIRED_AGREEMENT_PROPOSAL,
    /** The offer changed after the quote, or the quote was already used for a different acceptance. */
    SUPERSEDED_AGREEMENT_PROPOSAL,
    /** The agreement is no longer active. */
    INACTIVE_AGREEMENT,
    MISSING_MANDATORY_TERMS,
    INCOMPATIBLE_TERMS,
    INVALID_REQUESTED_TERM_ID,
    INVALID_REQUESTED_TERM_CONFIGURATION,
    MISSING_REQUESTED_TERM_CONFIGURATION,
    INVALID_PURCHASE_ORDERS,
    INVALID_CLIENT_TOKEN,
    INVALID_INTENT,
    INVALID_SOURCE_AGREEMENT_IDENTIFIER,
    /** The buyer may not cancel this agreement alone: its terms commit the buyer (ADR 0011). */
    UNSUPPORTED_ACTION,
    INVALID_REASON_CODE,
    INVALID_DESCRIPTION,
    /** A withdrawal or rejection needs a reason, of at most the allowed length. */
    INVALID_REASON,
    INVALID_TERM_ID,
    INVALID_NAME,
    /** Not a positive amount with the currency's scale, or more than remains of the variable payment maximum. */
    INVALID_CHARGE_AMOUNT,
    INVALID_CHARGE_REVISION,
    INVALID_MAX_RESULTS,
    INVALID_AGREEMENT_ID,
    INVALID_STATUS,
    /**
     * Offerdesk's own: the renewal term's lockout period before the end has begun, so its renewal can no longer be
     * turned off or repriced.
     */
    RENEWAL_LOCKOUT_PERIOD,
    /** Offerdesk's own: an offer of an offer set is accepted only together with the set's other offers. */
    OFFER_IN_OFFER_SET,
    /** Offerdesk's own: one offer of an offer set was refused, so none of the set was accepted. */
    OFFER_SET_MEMBER_REFUSED;

    public String messageKey() {
        return "agreement." + name();
    }

    /** The refusal as the 422 every API answers with, naming the field. */
    public InvalidInput at(String field, Object... arguments) {
        return new InvalidInput(field, messageKey(), arguments);
    }

    /** The reason a refusal carries, when it is one of these. */
    public static java.util.Optional<RefusalReason> of(InvalidInput refusal) {
        var code = refusal.violations().getFirst().code();
        return java.util.Arrays.stream(values())
                .filter(reason -> reason.messageKey().equals(code))
                .findFirst();
    }
}
