package io.offerdesk.agreements;

/** How a buyer's seller payment requests are approved, as AWS's {@code PaymentRequestApprovalStrategy}. */
public enum PaymentRequestApprovalStrategy {
    /** A request nobody decided on is approved when its expiration duration has passed. */
    AUTO_APPROVE_ON_EXPIRATION,
    /** Every request waits for the buyer's decision. */
    WAIT_FOR_APPROVAL
}
