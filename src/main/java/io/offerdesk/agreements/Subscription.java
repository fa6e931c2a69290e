package io.offerdesk.agreements;

import io.offerdesk.shared.AccountId;
import java.util.UUID;

/**
 * A buyer account's active agreement for a product, as metering needs it: which agreement usage belongs to, and the
 * buyer and the product's publisher, who read that usage.
 */
public record Subscription(
        AgreementId agreementId, AccountId customerAccountId, UUID buyerPartyId, UUID publisherPartyId) {}
