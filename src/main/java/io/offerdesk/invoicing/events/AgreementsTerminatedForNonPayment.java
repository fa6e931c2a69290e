package io.offerdesk.invoicing.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice stayed unpaid past the termination grace period, so the agreements billed on it that were still active
 * were terminated (each also announces its own end).
 *
 * @param agreementIds the agreements terminated now; those that had already ended are not among them
 */
public record AgreementsTerminatedForNonPayment(
        String invoiceId,
        UUID buyerPartyId,
        LocalDate dueDate,
        List<String> agreementIds,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    public AgreementsTerminatedForNonPayment {
        agreementIds = List.copyOf(agreementIds);
    }

    @Override
    public String entityType() {
        return "invoice";
    }

    @Override
    public String entityId() {
        return invoiceId;
    }

    @Override
    public String ownerPartyId() {
        return buyerPartyId.toString();
    }
}
