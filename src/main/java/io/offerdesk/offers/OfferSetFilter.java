package io.offerdesk.offers;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which of an owner's offer sets to list and in which order, after AWS ListEntities' {@code OfferSetFilters} and
 * {@code OfferSetSort}; every filter given must hold, an empty list does not filter, date ranges are inclusive.
 *
 * @param entityIds any of these sets
 * @param names any of these exact names
 * @param offerIds sets associated with any of these offers
 */
public record OfferSetFilter(
        List<String> entityIds,
        List<String> names,
        @Nullable OfferState state,
        @Nullable Instant releasedAfter,
        @Nullable Instant releasedBefore,
        List<String> offerIds,
        @Nullable Instant modifiedAfter,
        @Nullable Instant modifiedBefore,
        Sort sort,
        boolean ascending) {

    public static final OfferSetFilter RECENT_FIRST = new OfferSetFilter(
            List.of(), List.of(), null, null, null, List.of(), null, null, Sort.LAST_MODIFIED_DATE, false);

    /** The columns a list of sets sorts on. */
    public enum Sort {
        LAST_MODIFIED_DATE,
        ENTITY_ID,
        NAME,
        STATE,
        RELEASE_DATE
    }

    public OfferSetFilter {
        entityIds = List.copyOf(entityIds);
        names = List.copyOf(names);
        offerIds = List.copyOf(offerIds);
    }
}
