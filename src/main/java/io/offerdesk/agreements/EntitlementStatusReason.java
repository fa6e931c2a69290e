package io.offerdesk.agreements;

/**
 * Why an entitlement is in its status, as AWS's {@code AgreementEntitlementStatusReasonCode}. Offerdesk sets
 * {@code FUTURE_START_DATE} (scheduled), {@code AGREEMENT_ACTIVE} (provisioned) and {@code AGREEMENT_INACTIVE}
 * (deprovisioned); the others belong to AWS's account and payment checks.
 */
public enum EntitlementStatusReason {
    ACCOUNT_SUSPENDED,
    AGREEMENT_ACTIVE,
    AGREEMENT_INACTIVE,
    FUTURE_START_DATE,
    INCOMPATIBLE_CURRENCY,
    INVALID_PAYMENT_INSTRUMENT,
    PRODUCT_RESTRICTED,
    PROVISIONING_IN_PROGRESS,
    UNSUPPORTED_OPERATION
}
