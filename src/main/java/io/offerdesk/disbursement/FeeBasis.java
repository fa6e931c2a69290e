package io.offerdesk.disbursement;

/** Which line of the listing-fee schedule set an agreement's base rate (before the CPPO uplift). */
public enum FeeBasis {
    /** A private offer below the schedule's lower total contract value threshold. */
    PRIVATE_BELOW_LOWER,
    /** A private offer from the lower threshold to below the upper one. */
    PRIVATE_BELOW_UPPER,
    /** A private offer from the upper threshold on. */
    PRIVATE_FROM_UPPER,
    /** A renewal or replacement of an earlier agreement, whatever its value. */
    RENEWAL,
    /** A professional services product, whatever its value. */
    PROFESSIONAL_SERVICES
}
