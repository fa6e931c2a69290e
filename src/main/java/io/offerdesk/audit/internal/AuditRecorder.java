package io.offerdesk.audit.internal;

import io.offerdesk.audit.AuditEntry;
import io.offerdesk.shared.AuditedEvent;
import io.offerdesk.shared.Sha256;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each audited event into the trail inside the publisher's transaction: the change and its entry commit or roll
 * back together. Publishing outside a transaction is a programming error and fails loudly.
 *
 * <p>The trail is one hash chain, so every transaction that writes an entry holds the chain's head row from its first
 * append until it commits. An entry is therefore made when the event is published (its payload serialized and
 * digested) but appended just before the commit, together with the transaction's other entries, under one lock of the
 * head: the head is held for the appends and the commit only, not for whatever the transaction does after publishing.
 * An event published after that point (by work that runs before the commit itself) is appended at once.
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
        var entry = unchained(event);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            append(List.of(entry));
            return;
        }
        var pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (pending.appended) {
            append(List.of(entry));
        } else {
            pending.entries.add(entry);
        }
    }

    /** The entry of an event, without its place in the chain yet. */
    private AuditEntry unchained(AuditedEvent event) {
        var actor = event.actor();
        var payload = json.writeValueAsString(event);
        return new AuditEntry(
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
                "",
                "");
    }

    /** Links the entries, in the order they were published, to the chain's head and appends them. */
    private void append(List<AuditEntry> unchained) {
        var previous = entries.lockHead();
        var chained = new ArrayList<AuditEntry>(unchained.size());
        for (var entry : unchained) {
            var linked = new AuditEntry(
                    0,
                    entry.occurredAt(),
                    entry.actorKind(),
                    entry.actorUserId(),
                    entry.actorPartyId(),
                    entry.actorName(),
                    entry.action(),
                    entry.entityType(),
                    entry.entityId(),
                    entry.ownerPartyId(),
                    entry.payload(),
                    entry.payloadDigest(),
                    previous,
                    "");
            var sealed = linked.withHash(ChainHash.of(linked));
            chained.add(sealed);
            previous = sealed.hash();
        }
        entries.append(chained);
    }

    /**
     * The entries one transaction published so far. It is bound to the transaction like a connection is: a transaction
     * suspended for an inner one ({@code REQUIRES_NEW}) keeps its entries, and the inner one collects its own.
     */
    private final class Pending implements TransactionSynchronization {

        private final List<AuditEntry> entries = new ArrayList<>();
        private boolean appended;

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(AuditRecorder.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(AuditRecorder.this, this);
        }

        /**
         * Before the synchronizations of default order, in particular the Idempotency-Key's effect mark, which must be
         * the last statement before the commit: waiting here for the chain's head must not keep its row locked.
         */
        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE - 1;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            appended = true;
            if (!entries.isEmpty()) {
                append(entries);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditRecorder.this);
        }
    }
}
