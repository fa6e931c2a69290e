package io.offerdesk.offers;

import io.offerdesk.catalog.ProductType;
import io.offerdesk.shared.AccountId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The agreements a seller may make a replacement offer for, as the offer rules need to know them. Agreements are made
 * from offers, so the agreements module provides this and the offers module only asks: offers cannot depend on
 * agreements.
 */
public interface ReplaceableAgreements {

    /**
     * The seller's agreement: one it proposed. Another seller's agreement, like one that does not exist, is absent.
     *
     * @param agreementId as the seller wrote it; absent when it is no agreement id
     */
    Optional<AgreementFacts> find(UUID sellerPartyId, String agreementId);

    /**
     * What a replacement offer depends on.
     *
     * @param acceptorAccountId the buyer account that holds the agreement; the replacement offer targets it alone
     * @param contract whether the agreement was priced as a contract (an upfront or configurable-upfront pricing term),
     *     the only pricing model AWS replaces
     * @param endTime absent for an agreement without end
     * @param futureDated accepted, but its start date is still ahead
     * @param resaleAuthorizationId for an agreement made from a channel partner private offer, the resale
     *     authorization that offer was made from: only a resale offer from an authorization can replace it
     */
    record AgreementFacts(
            String agreementId,
            UUID proposerPartyId,
            AccountId acceptorAccountId,
            String productId,
            ProductType productType,
            boolean active,
            String status,
            boolean contract,
            @Nullable Instant endTime,
            boolean futureDated,
            @Nullable String resaleAuthorizationId) {}
}
