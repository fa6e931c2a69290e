package io.offerdesk.agreements;

import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Conflict;
import java.time.Instant;
import java.util.UUID;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A seller's request for a payment under an agreement's variable payment term, as AWS's {@code PaymentRequest}: the
 * buyer approves it (the agreement gets a due charge of the amount) or rejects it, or the seller withdraws it; with
 * automatic approval a request nobody decided on is approved at {@code autoApproveAt}. Only a pending request moves.
 *
 * @param termId the agreement's variable payment term
 * @param chargeAmount in the term's currency, with the currency's scale
 * @param statusMessage the rejection reason, or why the request failed
 * @param chargeId the agreement charge an approval made
 * @param autoApproveAt when the request is approved unless someone decides first; absent while the buyer waits to
 *     decide
 */
public record PaymentRequest(
        PaymentRequestId id,
        AgreementId agreementId,
        String termId,
        UUID proposerPartyId,
        UUID acceptorPartyId,
        AccountId acceptorAccountId,
        String name,
        @Nullable String description,
        Money chargeAmount,
        Status status,
        @Nullable String statusMessage,
        @Nullable String chargeId,
        @Nullable String purchaseOrderReference,
        @Nullable Instant autoApproveAt,
        Instant createdAt,
        Instant updatedAt) {

    /** The 409 code of a move on a request that is no longer pending. */
    public static final String NOT_PENDING = "agreement.paymentRequestNotPending";

    /**
     * AWS's {@code PaymentRequestStatus}. Offerdesk validates a request as the seller sends it, so no request rests in
     * VALIDATING.
     */
    public enum Status {
        VALIDATING,
        VALIDATION_FAILED,
        PENDING_APPROVAL,
        APPROVED,
        REJECTED,
        /** Withdrawn by the seller. */
        CANCELLED
    }

    public boolean isPending() {
        return status == Status.PENDING_APPROVAL;
    }

    /** Approved, by the buyer or on expiry, as the agreement's charge {@code chargeId}. */
    public PaymentRequest approve(String chargeId, @Nullable String purchaseOrderReference, Instant at) {
        return move(Status.APPROVED, null, chargeId, purchaseOrderReference, at);
    }

    public PaymentRequest reject(@Nullable String reason, Instant at) {
        return move(Status.REJECTED, reason, null, null, at);
    }

    public PaymentRequest withdraw(Instant at) {
        return move(Status.CANCELLED, null, null, null, at);
    }

    public PaymentRequest fail(String message, Instant at) {
        return move(Status.VALIDATION_FAILED, message, null, null, at);
    }

    private PaymentRequest move(
            Status next,
            @Nullable String message,
            @Nullable String charge,
            @Nullable String purchaseOrder,
            Instant at) {
        if (!isPending()) {
            throw new Conflict(NOT_PENDING, id.value(), status.name());
        }
        return new PaymentRequest(
                id,
                agreementId,
                termId,
                proposerPartyId,
                acceptorPartyId,
                acceptorAccountId,
                name,
                description,
                chargeAmount,
                next,
                message,
                charge,
                purchaseOrder,
                autoApproveAt,
                createdAt,
                at);
    }
}
