package io.offerdesk.invoicing.internal.finance;

import io.offerdesk.invoicing.InvoiceStatus;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.InvalidInput;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The filters of an invoice list, the same on the pages, the API and the CSV exports; an absent filter matches all.
 * The reader's own invoices are the widest any search gets.
 *
 * @param status the invoices with this status now; credit memos have none
 * @param buyerAccountId the buyer account invoiced
 * @param sellerPartyId the seller of record
 * @param issuedFrom first invoice date (UTC), inclusive
 * @param issuedTo last invoice date (UTC), inclusive
 * @param originalInvoiceId the credit memos against this invoice
 */
public record InvoiceSearch(
        @Nullable InvoiceStatus status,
        @Nullable String buyerAccountId,
        @Nullable UUID sellerPartyId,
        @Nullable InvoiceType type,
        @Nullable LocalDate issuedFrom,
        @Nullable LocalDate issuedTo,
        @Nullable String originalInvoiceId) {

    public static final InvoiceSearch ALL = new InvoiceSearch(null, null, null, null, null, null, null);

    public InvoiceSearch {
        if (buyerAccountId != null && !AccountId.isValid(buyerAccountId)) {
            throw new InvalidInput("buyerAccountId", "validation.accountId");
        }
        if (issuedFrom != null && issuedTo != null && issuedTo.isBefore(issuedFrom)) {
            throw new InvalidInput("issuedTo", "finance.issuedRange");
        }
    }

    /** The credit memos issued against one invoice. */
    public static InvoiceSearch creditMemosOf(String invoiceId) {
        return new InvoiceSearch(null, null, null, InvoiceType.CREDIT_MEMO, null, null, invoiceId);
    }
}
