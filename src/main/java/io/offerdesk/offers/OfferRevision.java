package io.offerdesk.offers;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an offer's history: the change set that made the revision, who started it, when, and which changes it
 * applied to the offer.
 */
public record OfferRevision(
        long revision, String changeSetId, List<String> changeTypes, String actorName, Instant modifiedAt) {

    public OfferRevision {
        changeTypes = List.copyOf(changeTypes);
    }
}
