package io.offerdesk.offers.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;

/** A seller uploaded a custom EULA for its offers. */
public record EulaDocumentUploaded(
        UUID documentId,
        UUID sellerPartyId,
        String fileName,
        int sizeBytes,
        String sha256,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "eula-document";
    }

    @Override
    public String entityId() {
        return documentId.toString();
    }

    @Override
    public String ownerPartyId() {
        return sellerPartyId.toString();
    }
}
