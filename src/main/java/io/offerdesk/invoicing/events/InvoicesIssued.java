package io.offerdesk.invoicing.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An invoicing run issued invoices: one event per batch, committed with them. Not audited per invoice: the run's
 * {@link InvoicingRunCompleted} is.
 */
public record InvoicesIssued(String runId, List<Issued> invoices, Instant occurredAt) {

    public InvoicesIssued {
        invoices = List.copyOf(invoices);
    }

    /**
     * One issued invoice, named with the parties it concerns; its listeners read the rest ({@code
     * Invoices.invoicesOf}). The run publishes the event while it holds the lock every other batch waits for, so the
     * event carries no more than its listeners need before they read (ADR 0014, amendment).
     */
    public record Issued(String invoiceId, UUID buyerPartyId, UUID sellerPartyId, String currencyCode) {}
}
