package io.offerdesk.commitments;

/** An agreement's charges are charged back to the cost center (one cost center per agreement). */
public record CostCenterAssignment(String agreementId, String costCenterId) {}
