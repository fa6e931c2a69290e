package io.offerdesk.shared;

import java.time.Instant;

/**
 * A domain event that belongs in the audit trail. The audit module records every published event of this type in
 * the transaction that published it, so no state change commits without its audit row.
 */
public interface AuditedEvent {

    Actor actor();

    /** A past-tense verb phrase naming the change, e.g. {@code ProductCreated}. */
    default String action() {
        return getClass().getSimpleName();
    }

    /** The kind of entity changed, e.g. {@code product}. */
    String entityType();

    String entityId();

    /** The party whose data changed; the operator reads all, a party admin reads its own. */
    String ownerPartyId();

    Instant occurredAt();
}
