package io.offerdesk.invoicing;

/** As the agreement API's {@code invoiceType}. */
public enum InvoiceType {
    /** Bills charges to the buyer. */
    INVOICE,
    /** Gives money back against an invoice: a billing adjustment (refund). */
    CREDIT_MEMO
}
