package io.offerdesk.invoicing;

import java.time.LocalDate;
import org.joda.money.Money;

/**
 * Where an invoice stands now: its status and the amounts it is derived from.
 *
 * @param paid by payments and by the buyer's credit
 * @param credited by credit memos
 * @param refunded of what was paid
 * @param open what the buyer still owes
 */
public record InvoiceStanding(
        String invoiceId,
        InvoiceStatus status,
        LocalDate dueDate,
        Money total,
        Money paid,
        Money credited,
        Money refunded,
        Money open) {}
