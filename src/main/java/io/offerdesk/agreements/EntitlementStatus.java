package io.offerdesk.agreements;

/**
 * Where an entitlement is, as AWS's {@code AgreementEntitlementStatus}: a future-dated agreement's entitlements are
 * scheduled until its start, provisioned while it runs and deprovisioned when it ends. Offerdesk provisions
 * synchronously with the agreement's dates, so {@code PENDING} and {@code FAILED} are never set; they stay in the enum
 * because the wire format has them.
 */
public enum EntitlementStatus {
    PENDING,
    SCHEDULED,
    PROVISIONED,
    DEPROVISIONED,
    FAILED
}
