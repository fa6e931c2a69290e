package io.offerdesk.resale.internal.domain;

/**
 * The codes a rejected resale authorization change reports in its {@code ErrorDetailList}: AWS's codes where AWS names
 * one ({@link #INVALID_RESELLER_ACCOUNT}, {@link #MISSING_MANDATORY_TERMS}, {@link #INCOMPATIBLE_PRICING_TERM}), the
 * offer codes for the rules offers share, and {@link #MISSING_LIST_PRICES} for Offerdesk's discount off list.
 */
public enum ResaleErrorCode {
    RESOURCE_NOT_FOUND,
    INVALID_UPDATE_REQUEST,
    INCOMPATIBLE_PRODUCT,
    INVALID_RESELLER_ACCOUNT,
    TOO_MANY_BUYER_ACCOUNTS,
    MISSING_BUYER_ACCOUNTS,
    INVALID_AVAILABILITY_END_DATE,
    INVALID_AGREEMENT_START_DATE,
    INCOMPATIBLE_TERMS,
    INCOMPATIBLE_PRICING_TERM,
    INVALID_LEGAL_DOCUMENTS,
    INVALID_CURRENCY_CODE,
    INVALID_PRICE,
    MISSING_LIST_PRICES,
    TOO_MANY_CHARGES,
    DUPLICATE_CHARGE_DATES,
    INVALID_CHARGE_DATE,
    INVALID_CHARGE_AMOUNT,
    INVALID_PAYMENT_DUE_PERIOD,
    MISSING_MANDATORY_TERMS
}
