package io.offerdesk.invoicing.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What invoicing knows about a buyer organization. A buyer nobody set one for has neither field.
 *
 * @param country ISO 3166 alpha-2: whose tax rate applies; absent when not known (no tax)
 * @param defaultNetPaymentDays days to pay a charge whose offer has no net payment term; absent for the marketplace's
 *     default
 * @param updatedAt absent when never set
 */
public record BillingProfile(
        UUID buyerPartyId,
        @Nullable String country,
        @Nullable Integer defaultNetPaymentDays,
        @Nullable Instant updatedAt) {

    public static BillingProfile unset(UUID buyerPartyId) {
        return new BillingProfile(buyerPartyId, null, null, null);
    }
}
