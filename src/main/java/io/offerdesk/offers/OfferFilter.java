package io.offerdesk.offers;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which of a seller's offers to list, after AWS ListEntities' {@code OfferFilters}; every filter given must hold and
 * date ranges are inclusive.
 *
 * @param name a part of the name, matched ignoring case (AWS's wildcard value)
 * @param renewal offers flagged (or not) as renewals of a pre-existing agreement
 */
public record OfferFilter(
        @Nullable OfferState state,
        @Nullable String productId,
        @Nullable String buyerAccount,
        @Nullable String name,
        @Nullable Instant releasedAfter,
        @Nullable Instant releasedBefore,
        @Nullable LocalDate expiresAfter,
        @Nullable LocalDate expiresBefore,
        @Nullable Boolean renewal,
        Sort sort,
        boolean ascending) {

    /** The columns an offer list sorts on. */
    public enum Sort {
        LAST_MODIFIED_DATE,
        NAME,
        RELEASE_DATE,
        AVAILABILITY_END_DATE,
        PRODUCT_ID,
        STATE
    }

    public static OfferFilter recentFirst() {
        return new OfferFilter(null, null, null, null, null, null, null, null, null, Sort.LAST_MODIFIED_DATE, false);
    }
}
