package io.offerdesk.agreements;

import java.time.Period;
import java.util.List;

/** What a buyer chooses for a term that leaves a choice open, as AWS's {@code RequestedTermConfiguration}. */
public sealed interface TermConfiguration {

    /**
     * A configurable contract: which duration, and how many units of each dimension.
     *
     * @param selectorValue the chosen rate card's duration, e.g. P12M
     */
    record ContractConfiguration(Period selectorValue, List<DimensionQuantity> dimensions)
            implements TermConfiguration {
        public ContractConfiguration {
            dimensions = List.copyOf(dimensions);
        }
    }

    record DimensionQuantity(String dimensionKey, int dimensionValue) {}

    /** Whether the agreement renews automatically at its end. */
    record RenewalConfiguration(boolean enableAutoRenew) implements TermConfiguration {}
}
