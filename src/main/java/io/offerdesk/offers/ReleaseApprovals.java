package io.offerdesk.offers;

import java.util.Optional;

/**
 * A say over whether a draft may be released yet, for a module that keeps approvals of offers (the GTM module's
 * approval workflows). Offers cannot depend on that module, so it provides beans of this type and offers asks each of
 * them whenever a {@code ReleaseOffer} change runs, alone or as part of {@code ReleaseOfferSet}; any refusal rejects the
 * change with its reason. Without such beans, or when none refuses, offers release as they always did.
 */
public interface ReleaseApprovals {

    /**
     * Why the offer may not be released yet; empty when it may.
     *
     * @param offer the draft as the change set is about to release it
     * @param changedInChangeSet whether the same change set changed the offer before releasing it: what was approved
     *     for the offer's stored revision then no longer describes what would be released
     */
    Optional<String> refusal(Offer offer, boolean changedInChangeSet);
}
