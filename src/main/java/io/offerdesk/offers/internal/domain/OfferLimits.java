package io.offerdesk.offers.internal.domain;

/**
 * The limits the offer rules apply. The operator sets them as {@code offerdesk.offers.*}; the defaults are AWS's.
 * AWS's own sources disagree on the number of buyer accounts (24, 25 or 26), so it is a setting.
 */
public record OfferLimits(
        int maxBuyerAccounts,
        int maxInstallments,
        int maxContractMonths,
        int maxFutureStartYears,
        int freeTrialMinDays,
        int freeTrialMaxDays) {

    public static final OfferLimits DEFAULTS = new OfferLimits(25, 60, 60, 3, 5, 31);

    public OfferLimits {
        if (maxBuyerAccounts < 1 || maxInstallments < 1 || maxContractMonths < 1 || maxFutureStartYears < 0) {
            throw new IllegalArgumentException("offer limits must be positive: " + maxBuyerAccounts + ", "
                    + maxInstallments + ", " + maxContractMonths + ", " + maxFutureStartYears);
        }
        if (freeTrialMinDays < 1 || freeTrialMaxDays < freeTrialMinDays) {
            throw new IllegalArgumentException(
                    "free trial days must be a range of positive days: " + freeTrialMinDays + "–" + freeTrialMaxDays);
        }
    }
}
