package io.offerdesk.resale;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a list of resale authorizations is narrowed to and how it is sorted, as a subset of AWS's
 * {@code ResaleAuthorizationFilters} and {@code ResaleAuthorizationSort}; every member left out matches everything,
 * date ranges are inclusive.
 *
 * @param resellerAccountId the ISV's list only: authorizations for this reseller account
 * @param entityIds any of these authorizations; an empty list does not filter
 * @param names any of these exact names; an empty list does not filter
 * @param nameContains a part of the name, matched ignoring case (AWS's wildcard value)
 */
public record ResaleAuthorizationFilter(
        @Nullable ResaleAuthorizationStatus status,
        @Nullable String productId,
        @Nullable String resellerAccountId,
        List<String> entityIds,
        List<String> names,
        @Nullable String nameContains,
        @Nullable Instant createdAfter,
        @Nullable Instant createdBefore,
        @Nullable LocalDate endsAfter,
        @Nullable LocalDate endsBefore,
        @Nullable Instant modifiedAfter,
        @Nullable Instant modifiedBefore,
        Sort sort,
        boolean ascending) {

    public static final ResaleAuthorizationFilter ALL = new ResaleAuthorizationFilter(null, null, null);

    /** The columns a list sorts on. */
    public enum Sort {
        LAST_MODIFIED_DATE,
        ENTITY_ID,
        NAME,
        PRODUCT_ID,
        RESELLER_ACCOUNT_ID,
        STATUS,
        CREATED_DATE,
        AVAILABILITY_END_DATE
    }

    public ResaleAuthorizationFilter {
        entityIds = List.copyOf(entityIds);
        names = List.copyOf(names);
    }

    /** The filters of the pages and the REST API, most recently changed first. */
    public ResaleAuthorizationFilter(
            @Nullable ResaleAuthorizationStatus status,
            @Nullable String productId,
            @Nullable String resellerAccountId) {
        this(
                status,
                productId,
                resellerAccountId,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Sort.LAST_MODIFIED_DATE,
                false);
    }
}
