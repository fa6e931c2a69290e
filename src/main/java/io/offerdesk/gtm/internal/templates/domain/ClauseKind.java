package io.offerdesk.gtm.internal.templates.domain;

/**
 * What a EULA clause is about. The declaration order is the rank that orders clauses which have no section of the
 * standard body to replace (ADR 0028).
 */
public enum ClauseKind {
    DATA_PROTECTION,
    SECURITY,
    SLA,
    WARRANTY,
    INDEMNITY,
    LIABILITY_CAP,
    TERMINATION,
    ADDITIONAL;

    public int rank() {
        return ordinal();
    }
}
