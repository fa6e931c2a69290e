package io.offerdesk.invoicing.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The operator or the buyer's administrator changed the buyer's billing profile; invoices issued from now on use it.
 *
 * @param country ISO 3166 alpha-2, absent when cleared
 * @param defaultNetPaymentDays absent for the marketplace's default
 */
public record BuyerBillingProfileChanged(
        UUID buyerPartyId,
        @Nullable String country,
        @Nullable Integer defaultNetPaymentDays,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "billing-profile";
    }

    @Override
    public String entityId() {
        return buyerPartyId.toString();
    }

    @Override
    public String ownerPartyId() {
        return buyerPartyId.toString();
    }
}
