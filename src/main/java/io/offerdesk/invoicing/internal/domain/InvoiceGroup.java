package io.offerdesk.invoicing.internal.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the charges of one invoice share: the buyer account billed, the seller of record, the currency and the invoice
 * date. A bundle's charges (an offer set accepted together) share all four and so land on one invoice.
 */
public record InvoiceGroup(String buyerAccountId, UUID sellerPartyId, String currencyCode, LocalDate invoiceDate) {}
