package io.offerdesk.invoicing;

import java.time.Instant;

/**
 * A dunning reminder sent for an unpaid invoice.
 *
 * @param step which reminder, from 1
 * @param dueAt when it fell due: the start of the invoice's due date plus the reminder's offset
 */
public record PaymentReminder(String invoiceId, int step, Instant dueAt, Instant sentAt) {}
