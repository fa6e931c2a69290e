package io.offerdesk.invoicing.internal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
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
 * @param description what a usage charge bills (dimension, quantity, unit price, period); absent for the others
 * @param allocationTags the allocation tags of a usage charge's usage, for the invoice line; empty for the others
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
        @Nullable Integer netPaymentDays,
        @Nullable String description,
        Map<String, String> allocationTags) {

    public WaitingCharge {
        allocationTags = Collections.unmodifiableSortedMap(new TreeMap<>(allocationTags));
    }

    /** An agreement's charge: no words of its own and no tags. */
    public WaitingCharge(
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
        this(
                agreementId,
                chargeId,
                revision,
                offerId,
                productId,
                sellerPartyId,
                publisherPartyId,
                buyerPartyId,
                buyerAccountId,
                amount,
                wholesaleAmount,
                timing,
                dueAt,
                invoiceDate,
                purchaseOrderReference,
                netPaymentDays,
                null,
                Map.of());
    }

    /** The invoice it belongs on. */
    public InvoiceGroup group() {
        return new InvoiceGroup(
                buyerAccountId, sellerPartyId, amount.getCurrencyUnit().getCode(), invoiceDate);
    }
}
