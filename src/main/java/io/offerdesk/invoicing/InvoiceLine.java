package io.offerdesk.invoicing;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * One line of an invoice: one charge of one agreement (or, on a credit memo, what is given back of one).
 *
 * @param chargeId the agreement charge billed; absent on credit memo lines
 * @param publisherPartyId the product's owner (ISV), who is paid for the line (the wholesale part of a resold one)
 * @param wholesaleAmount for a resold offer, the ISV's part of {@code amount}; the partner keeps the rest
 * @param tax this line's part of the invoice's tax; the lines' taxes sum to the invoice's
 * @param allocationTags a usage line's allocation tags, for the buyer's cost allocation; empty on other lines
 */
public record InvoiceLine(
        int lineNo,
        String agreementId,
        @Nullable String chargeId,
        String offerId,
        String productId,
        UUID publisherPartyId,
        String description,
        Money amount,
        @Nullable Money wholesaleAmount,
        Money tax,
        @Nullable String purchaseOrderReference,
        Map<String, String> allocationTags) {

    public InvoiceLine {
        allocationTags = Collections.unmodifiableSortedMap(new TreeMap<>(allocationTags));
    }

    /** A line without allocation tags. */
    public InvoiceLine(
            int lineNo,
            String agreementId,
            @Nullable String chargeId,
            String offerId,
            String productId,
            UUID publisherPartyId,
            String description,
            Money amount,
            @Nullable Money wholesaleAmount,
            Money tax,
            @Nullable String purchaseOrderReference) {
        this(
                lineNo,
                agreementId,
                chargeId,
                offerId,
                productId,
                publisherPartyId,
                description,
                amount,
                wholesaleAmount,
                tax,
                purchaseOrderReference,
                Map.of());
    }
}
