package io.offerdesk.resale.internal.rest;

import io.offerdesk.resale.ResaleAuthorization;
import io.offerdesk.shared.AccountId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A resale authorization in the native API: what lists need at the top, and (for one authorization, not in lists)
 * AWS {@code DescribeEntity}'s {@code DetailsDocument} in {@code details}.
 *
 * @param status Draft, Active or Restricted, as AWS reports it
 * @param expired whether its availability end date has passed
 * @param offerExtendedStatus Not Started, Completed-Used or Completed-Usable
 */
record ResaleAuthorizationJson(
        String id,
        String status,
        boolean expired,
        String offerExtendedStatus,
        int offerCreatedCount,
        long revision,
        String productId,
        String productName,
        String name,
        @Nullable String description,
        String resellerAccountId,
        String resellerName,
        String manufacturerName,
        List<String> buyerAccounts,
        @Nullable LocalDate availabilityEndDate,
        @Nullable Integer offersMaxQuantity,
        boolean renewal,
        @Nullable Instant releasedAt,
        Instant createdAt,
        Instant lastModifiedAt,
        @Nullable JsonNode details) {

    static ResaleAuthorizationJson of(
            ResaleAuthorization authorization,
            Instant now,
            String productName,
            String manufacturerName,
            String resellerName,
            @Nullable JsonNode details) {
        return new ResaleAuthorizationJson(
                authorization.id(),
                authorization.status().wireName(),
                authorization.isExpired(now),
                authorization.extendedStatus(now).wireName(),
                authorization.offersCreated(),
                authorization.revision(),
                authorization.productId(),
                productName,
                authorization.name(),
                authorization.description(),
                authorization.resellerAccountId().value(),
                resellerName,
                manufacturerName,
                authorization.buyerAccounts().stream().map(AccountId::value).toList(),
                authorization.availabilityEndDate(),
                authorization.offersMaxQuantity(),
                authorization.preExistingBuyerAgreement() != null,
                authorization.releasedAt(),
                authorization.createdAt(),
                authorization.lastModifiedAt(),
                details);
    }
}
