package io.offerdesk.commitments;

/**
 * Usage allocated with the tag {@code key=value} is charged back to the cost center.
 *
 * @param costCenterId empty in the answer to removing the mapping
 */
public record CostCenterTagMapping(String key, String value, String costCenterId) {}
