package io.offerdesk.resale;

import org.jspecify.annotations.Nullable;

/**
 * What a list of resale authorizations is narrowed to, as a subset of AWS's {@code ResaleAuthorizationFilters}; every
 * member left out matches everything.
 *
 * @param resellerAccountId the ISV's list only: authorizations for this reseller account
 */
public record ResaleAuthorizationFilter(
        @Nullable ResaleAuthorizationStatus status,
        @Nullable String productId,
        @Nullable String resellerAccountId) {

    public static final ResaleAuthorizationFilter ALL = new ResaleAuthorizationFilter(null, null, null);
}
