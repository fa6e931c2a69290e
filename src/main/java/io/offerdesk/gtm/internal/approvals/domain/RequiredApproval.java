package io.offerdesk.gtm.internal.approvals.domain;

/** One approval a draft needs: the approver, in a step numbered from 1. */
public record RequiredApproval(int step, Approver approver) {}
