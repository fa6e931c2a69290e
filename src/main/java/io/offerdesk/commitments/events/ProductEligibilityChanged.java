package io.offerdesk.commitments.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The operator set whether spend on a product retires buyers' spend commitments. Invoices issued from then on count
 * by the new flag; those issued before keep the flag they were issued under.
 *
 * @param sellerPartyId the product's owner, whose audit trail shows the change
 */
public record ProductEligibilityChanged(
        String productId,
        UUID sellerPartyId,
        boolean eligible,
        @Nullable String note,
        Actor actor,
        Instant occurredAt) implements AuditedEvent {

    @Override
    public String entityType() {
        return "product";
    }

    @Override
    public String entityId() {
        return productId;
    }

    @Override
    public String ownerPartyId() {
        return sellerPartyId.toString();
    }
}
