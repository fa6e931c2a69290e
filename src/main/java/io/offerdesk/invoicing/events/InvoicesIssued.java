package io.offerdesk.invoicing.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
     * One issued invoice in short; amounts are decimals with the currency's scale.
     *
     * @param agreementIds the agreements whose charges it bills, each once
     */
    public record Issued(
            String invoiceId,
            String invoicingEntity,
            long number,
            UUID buyerPartyId,
            String buyerAccountId,
            UUID sellerPartyId,
            String currencyCode,
            BigDecimal subtotal,
            BigDecimal tax,
            BigDecimal total,
            LocalDate invoiceDate,
            LocalDate dueDate,
            List<String> agreementIds) {

        public Issued {
            agreementIds = List.copyOf(agreementIds);
        }
    }
}
