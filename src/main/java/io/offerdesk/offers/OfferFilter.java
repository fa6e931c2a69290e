package io.offerdesk.offers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which of a seller's offers to list, after AWS ListEntities' {@code OfferFilters}; every filter given must hold and
 * date ranges are inclusive.
 *
 * @param name a part of the name, matched ignoring case (AWS's wildcard value)
 * @param renewal offers flagged (or not) as renewals of a pre-existing agreement
 * @param entityIds any of these offers (AWS's value lists: an empty list does not filter)
 * @param names any of these exact names
 * @param productIds offers for any of these products
 * @param resaleAuthorizationIds offers made from any of these resale authorizations
 * @param offerSetIds offers in any of these offer sets
 * @param targeted offers that target buyer accounts (private), or that do not (public)
 * @param modifiedAfter the earliest last modification, inclusive
 * @param modifiedBefore the latest last modification, inclusive
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
        boolean ascending,
        List<String> entityIds,
        List<String> names,
        List<String> productIds,
        List<String> resaleAuthorizationIds,
        List<String> offerSetIds,
        @Nullable Boolean targeted,
        @Nullable Instant modifiedAfter,
        @Nullable Instant modifiedBefore) {

    public OfferFilter {
        entityIds = List.copyOf(entityIds);
        names = List.copyOf(names);
        productIds = List.copyOf(productIds);
        resaleAuthorizationIds = List.copyOf(resaleAuthorizationIds);
        offerSetIds = List.copyOf(offerSetIds);
    }

    /** The filters of the offer pages and the REST API: no value lists. */
    public OfferFilter(
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
        this(
                state,
                productId,
                buyerAccount,
                name,
                releasedAfter,
                releasedBefore,
                expiresAfter,
                expiresBefore,
                renewal,
                sort,
                ascending,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null);
    }

    /** The columns an offer list sorts on. */
    public enum Sort {
        LAST_MODIFIED_DATE,
        NAME,
        RELEASE_DATE,
        AVAILABILITY_END_DATE,
        PRODUCT_ID,
        STATE,
        ENTITY_ID,
        RESALE_AUTHORIZATION_ID,
        OFFER_SET_ID,
        BUYER_ACCOUNTS,
        TARGETING
    }

    public static OfferFilter recentFirst() {
        return new OfferFilter(null, null, null, null, null, null, null, null, null, Sort.LAST_MODIFIED_DATE, false);
    }
}
