package io.offerdesk.offers.internal.domain;

/**
 * The codes a rejected offer change reports in its {@code ErrorDetailList}: AWS's codes, plus three of Offerdesk's own
 * where AWS documents the rule but not its code ({@link #INVALID_CHARGE_AMOUNT}, {@link #INVALID_CHARGE_DATE},
 * {@link #INVALID_PRICING_TERMS}). {@link #INVALID_CHARGE_AMOUNT} also refuses a variable payment maximum, which is an
 * amount charged the same way, and a resale offer's installment below its wholesale installment; {@link
 * #INVALID_PRICING_TERMS} refuses a resale offer's price below its wholesale price.
 */
public enum OfferErrorCode {
    INVALID_UPDATE_REQUEST,
    INCOMPATIBLE_PRODUCT,
    INCOMPATIBLE_AGREEMENT,
    INCOMPATIBLE_PRE_EXISTING_AGREEMENT,
    INCOMPATIBLE_TARGETING,
    INCOMPATIBLE_TERMS,
    INCOMPATIBLE_RESALE_AUTHORIZATION,
    INVALID_MARKUP_PERCENTAGE,
    INVALID_PRICING_TERMS,
    TOO_MANY_BUYER_ACCOUNTS,
    INVALID_BUYER_ACCOUNTS,
    MISSING_MANDATORY_TERMS,
    INVALID_CURRENCY_CODE,
    TOO_MANY_CHARGES,
    DUPLICATE_CHARGE_DATES,
    TOO_MANY_BACKDATED_CHARGES,
    INVALID_CHARGE_AMOUNT,
    INVALID_CHARGE_DATE,
    INVALID_AGREEMENT_START_DATE,
    INVALID_AVAILABILITY_END_DATE,
    MISSING_AVAILABILITY_END_DATE,
    MISSING_AGREEMENT_END_DATE,
    INVALID_LEGAL_DOCUMENTS,
    MISSING_NAME,
    MISSING_BUYER_ACCOUNTS,
    TOO_MANY_OFFERS
}
