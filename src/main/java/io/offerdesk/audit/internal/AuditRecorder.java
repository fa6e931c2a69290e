package io.offerdesk.audit.internal;

import io.offerdesk.audit.AuditEntry;
import io.offerdesk.shared.AuditedEvent;
import io.offerdesk.shared.Sha256;
import java.time.temporal.ChronoUnit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each audited event into the trail synchronously, inside the publisher's transaction: the change and its
 * entry commit or roll back together. Publishing outside a transaction is a programming error and fails loudly.
 */
@Component
class AuditRecorder {

    private final AuditRepository entries;
    private final JsonMapper json;

    AuditRecorder(AuditRepository entries, JsonMapper json) {
        this.entries = entries;
        this.json = json;
    }

    @EventListener
    void on(AuditedEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(event.action() + " was published outside a transaction");
        }
        var actor = event.actor();
        var payload = json.writeValueAsString(event);
        var previous = entries.lockHead();
        var unhashed = new AuditEntry(
                0,
                // The database keeps microseconds; hashing the same precision keeps the chain verifiable.
                event.occurredAt().truncatedTo(ChronoUnit.MICROS),
                actor.kind().name(),
                actor.userId(),
                actor.partyId(),
                actor.name(),
                event.action(),
                event.entityType(),
                event.entityId(),
                event.ownerPartyId(),
                payload,
                Sha256.hex(payload),
                previous,
                "");
        var entry = unhashed.withHash(ChainHash.of(unhashed));
        entries.append(entry);
    }
}
