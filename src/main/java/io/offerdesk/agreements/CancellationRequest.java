package io.offerdesk.agreements;

import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Conflict;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A seller's request to end an agreement early, as AWS's {@code AgreementCancellationRequest}: the seller sends it with
 * a reason code, the buyer approves it (and the agreement is cancelled) or rejects it, or the seller withdraws it. Only a
 * pending request moves; every move returns the request as it ends.
 *
 * @param statusMessage why it was rejected, withdrawn or failed, in the words of whoever closed it
 */
public record CancellationRequest(
        CancellationRequestId id,
        AgreementId agreementId,
        UUID proposerPartyId,
        UUID acceptorPartyId,
        AccountId acceptorAccountId,
        ReasonCode reasonCode,
        @Nullable String description,
        Status status,
        @Nullable String statusMessage,
        Instant createdAt,
        Instant updatedAt) {

    public static final int DESCRIPTION_MAX = 2000;
    public static final int REASON_MAX = 2000;

    /** Why the seller wants the agreement to end, as AWS's {@code AgreementCancellationRequestReasonCode}. */
    public enum ReasonCode {
        INCORRECT_TERMS_ACCEPTED,
        REPLACING_AGREEMENT,
        TEST_AGREEMENT,
        ALTERNATIVE_PROCUREMENT_CHANNEL,
        PRODUCT_DISCONTINUED,
        UNINTENDED_RENEWAL,
        BUYER_DISSATISFACTION,
        OTHER
    }

    /** AWS's {@code AgreementCancellationRequestStatus}. */
    public enum Status {
        PENDING_APPROVAL,
        APPROVED,
        REJECTED,
        /** Withdrawn by the seller. */
        CANCELLED,
        /** Closed by the marketplace: the agreement ended some other way while the request waited. */
        VALIDATION_FAILED
    }

    public boolean isPending() {
        return status == Status.PENDING_APPROVAL;
    }

    /** The buyer agrees: the agreement is to be cancelled. */
    public CancellationRequest approve(Instant at) {
        return move(Status.APPROVED, null, at);
    }

    public CancellationRequest reject(String reason, Instant at) {
        return move(Status.REJECTED, reason, at);
    }

    /** The seller takes the request back. */
    public CancellationRequest withdraw(String reason, Instant at) {
        return move(Status.CANCELLED, reason, at);
    }

    public CancellationRequest fail(String message, Instant at) {
        return move(Status.VALIDATION_FAILED, message, at);
    }

    private CancellationRequest move(Status next, @Nullable String message, Instant at) {
        if (!isPending()) {
            throw new Conflict(NOT_PENDING, id.value(), status.name());
        }
        return new CancellationRequest(
                id,
                agreementId,
                proposerPartyId,
                acceptorPartyId,
                acceptorAccountId,
                reasonCode,
                description,
                next,
                message,
                createdAt,
                at);
    }

    /** The 409 code of a move on a request that is no longer pending. */
    public static final String NOT_PENDING = "agreement.cancellationRequestNotPending";
}
