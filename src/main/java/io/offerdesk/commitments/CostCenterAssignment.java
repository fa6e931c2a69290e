package io.offerdesk.commitments;

/**
 * An agreement's charges are charged back to the cost center (one cost center per agreement).
 *
 * @param costCenterId empty in the answer to taking an agreement off its cost center
 */
public record CostCenterAssignment(String agreementId, String costCenterId) {}
