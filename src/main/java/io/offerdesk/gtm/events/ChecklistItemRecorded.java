package io.offerdesk.gtm.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Someone recorded evidence for, or signed off, an item of an offer's risk checklist.
 *
 * @param evidence the evidence text or link; absent for a sign-off
 */
public record ChecklistItemRecorded(
        String offerId,
        UUID sellerPartyId,
        String checklistId,
        String itemKey,
        @Nullable String evidence,
        boolean signedOff,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "offer";
    }

    @Override
    public String entityId() {
        return offerId;
    }

    @Override
    public String ownerPartyId() {
        return sellerPartyId.toString();
    }
}
