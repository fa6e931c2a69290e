package io.offerdesk.invoicing;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a batch of billing adjustment requests as the seller sent it ({@code
 * BatchCreateBillingAdjustmentRequestEntry}); every field may be missing or malformed until checked.
 *
 * @param adjustmentAmount a decimal string in the invoice's currency
 */
public record BillingAdjustmentEntry(
        @Nullable String agreementId,
        @Nullable String originalInvoiceId,
        @Nullable String adjustmentAmount,
        @Nullable String currencyCode,
        @Nullable String adjustmentReasonCode,
        @Nullable String clientToken,
        @Nullable String description) {}
