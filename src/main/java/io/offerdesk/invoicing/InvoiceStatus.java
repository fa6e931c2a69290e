package io.offerdesk.invoicing;

/**
 * Where an invoice stands with the buyer, derived from what was paid and credited against it, its due date and the
 * clock; never stored.
 */
public enum InvoiceStatus {
    /** Nothing paid yet and not past its due date. */
    OPEN,
    /** Part of it paid (or credited), the rest not yet due. */
    PARTIALLY_PAID,
    /** Nothing left to pay: paid, or paid and credited together. */
    PAID,
    /** Money still open after its due date. */
    OVERDUE,
    /** Credit memos gave back the whole of it. */
    CREDITED
}
