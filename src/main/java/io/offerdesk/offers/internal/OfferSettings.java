package io.offerdesk.offers.internal;

import io.offerdesk.offers.internal.domain.OfferLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The offer limits operators may tune ({@code offerdesk.offers.*}). The defaults follow AWS Marketplace where it
 * documents a number, and DESIGN §3 where the sources disagree.
 *
 * @param maxBuyerAccounts buyer accounts one private offer may target (AWS portal 24, API 26, CPPO 25)
 * @param maxInstallments charges in one payment schedule
 * @param maxContractMonths the longest agreement an offer may give
 * @param maxFutureStartYears how far ahead a future-dated agreement may start
 * @param maxEulaBytes the largest custom EULA accepted
 * @param expiringSoonDays what the "expiring soon" view counts as soon
 */
@ConfigurationProperties("offerdesk.offers")
public record OfferSettings(
        @DefaultValue("25") int maxBuyerAccounts,
        @DefaultValue("60") int maxInstallments,
        @DefaultValue("60") int maxContractMonths,
        @DefaultValue("3") int maxFutureStartYears,
        @DefaultValue("10485760") int maxEulaBytes,
        @DefaultValue("14") int expiringSoonDays) {

    /** The limits the offer rules apply; free trials keep AWS's 5 to 31 days. */
    public OfferLimits limits() {
        return new OfferLimits(
                maxBuyerAccounts,
                maxInstallments,
                maxContractMonths,
                maxFutureStartYears,
                OfferLimits.DEFAULTS.freeTrialMinDays(),
                OfferLimits.DEFAULTS.freeTrialMaxDays());
    }
}
