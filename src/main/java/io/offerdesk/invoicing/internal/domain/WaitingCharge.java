package io.offerdesk.invoicing.internal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A due charge waiting for an invoice, as invoicing took it in.
 *
 * @param sellerPartyId the seller of record (the channel partner of a resold offer)
 * @param publisherPartyId the product's owner (ISV)
 * @param wholesaleAmount for a resold offer, the ISV's part of {@code amount}
 * @param timing ON_ACCEPTANCE, SCHEDULED or BILLING_PERIOD
 * @param invoiceDate the UTC date it fell due: the date of its invoice
 * @param netPaymentDays the offer's net payment term, absent when it has none
 */
public record WaitingCharge(
        String agreementId,
        String chargeId,
        int revision,
        String offerId,
        String productId,
        UUID sellerPartyId,
        UUID publisherPartyId,
        UUID buyerPartyId,
        String buyerAccountId,
        Money amount,
        @Nullable Money wholesaleAmount,
        String timing,
        Instant dueAt,
        LocalDate invoiceDate,
        @Nullable String purchaseOrderReference,
        @Nullable Integer netPaymentDays) {

    /** The invoice it belongs on. */
    public InvoiceGroup group() {
        return new InvoiceGroup(
                buyerAccountId, sellerPartyId, amount.getCurrencyUnit().getCode(), invoiceDate);
    }
}
