package io.offerdesk.invoicing;

import io.offerdesk.shared.Conflict;
import java.time.Instant;
import java.util.UUID;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A seller's request to give money back against an invoice, as AWS's billing adjustment request: it waits (PENDING)
 * until a credit memo is issued for it (COMPLETED) or it turns out it cannot be (VALIDATION_FAILED). Only a pending
 * request moves.
 *
 * @param clientToken the seller's idempotency token: the same token with the same content is the same request
 * @param sellerPartyId the seller of record of the invoice, who asked
 * @param buyerPartyId the buyer the invoice was issued to
 * @param adjustmentAmount in the invoice's currency, with the currency's scale
 * @param statusMessage why the request failed; absent otherwise
 * @param creditMemoId the credit memo the completion issued
 */
public record BillingAdjustmentRequest(
        String id,
        String clientToken,
        UUID sellerPartyId,
        UUID buyerPartyId,
        String agreementId,
        String originalInvoiceId,
        Money adjustmentAmount,
        ReasonCode reasonCode,
        @Nullable String description,
        Status status,
        @Nullable String statusMessage,
        @Nullable String creditMemoId,
        Instant createdAt,
        Instant updatedAt) {

    /** The 409 code of a move on a request that is no longer pending. */
    public static final String NOT_PENDING = "adjustment.notPending";

    /** AWS's {@code BillingAdjustmentStatus}. */
    public enum Status {
        /** Accepted and waiting for its credit memo. */
        PENDING,
        /** Could not be completed; the status message says why. Nothing was credited. */
        VALIDATION_FAILED,
        /** The credit memo is issued and the money moved. */
        COMPLETED
    }

    /** AWS's {@code BillingAdjustmentReasonCode}. */
    public enum ReasonCode {
        INCORRECT_TERMS_ACCEPTED,
        INCORRECT_METERING,
        TEST_ENVIRONMENT_CHARGES,
        ALTERNATIVE_PROCUREMENT_CHANNEL,
        UNINTENDED_RENEWAL,
        BUYER_DISSATISFACTION,
        OTHER
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public BillingAdjustmentRequest complete(String creditMemo, Instant at) {
        return move(Status.COMPLETED, null, creditMemo, at);
    }

    public BillingAdjustmentRequest fail(String message, Instant at) {
        return move(Status.VALIDATION_FAILED, message, null, at);
    }

    private BillingAdjustmentRequest move(
            Status next, @Nullable String message, @Nullable String creditMemo, Instant at) {
        if (!isPending()) {
            throw new Conflict(NOT_PENDING, id, status.name());
        }
        return new BillingAdjustmentRequest(
                id,
                clientToken,
                sellerPartyId,
                buyerPartyId,
                agreementId,
                originalInvoiceId,
                adjustmentAmount,
                reasonCode,
                description,
                next,
                message,
                creditMemo,
                createdAt,
                at);
    }
}
