package io.offerdesk.catalog;

/**
 * How a dimension is sold: an entitled dimension is bought up front in a contract (or a subscription) for a
 * quantity; a metered dimension is counted as it is used and charged per unit.
 */
public enum DimensionType {
    ENTITLED,
    METERED
}
