package io.offerdesk.gtm.internal.approvals.domain;

/** How a rule's approvers follow each other. */
public enum StepMode {
    /** One step per approver, in the order the rule lists them: each waits for the one before. */
    SEQUENTIAL,
    /** All approvers in one step, approving in any order. */
    PARALLEL
}
