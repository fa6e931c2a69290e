package io.offerdesk.invoicing.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An invoicing run put every charge it found due on invoices.
 *
 * @param dueUntil the run invoiced the charges due at or before this instant
 * @param charges how many charges it invoiced
 * @param invoices how many invoices it issued
 */
public record InvoicingRunCompleted(
        String runId, Instant dueUntil, long charges, long invoices, Actor actor, Instant occurredAt)
        implements AuditedEvent {

    /** The marketplace's own party: runs bill every buyer, so the operator reads them. */
    private static final UUID MARKETPLACE = new UUID(0L, 0L);

    @Override
    public String entityType() {
        return "invoicing-run";
    }

    @Override
    public String entityId() {
        return runId;
    }

    @Override
    public String ownerPartyId() {
        return actor.partyId() == null
                ? MARKETPLACE.toString()
                : actor.partyId().toString();
    }
}
