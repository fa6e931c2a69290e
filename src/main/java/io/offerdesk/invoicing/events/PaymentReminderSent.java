package io.offerdesk.invoicing.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A dunning reminder went to the buyer of an unpaid invoice.
 *
 * @param step which reminder of {@code offerdesk.invoicing.dunning.reminders}, from 1
 * @param open what the buyer still owed when it was sent
 */
public record PaymentReminderSent(
        String invoiceId,
        int step,
        UUID buyerPartyId,
        String buyerAccountId,
        LocalDate dueDate,
        String currencyCode,
        BigDecimal open,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

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
