package io.offerdesk.agreements;

import java.time.Period;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

    /**
     * How the buyer deals with the seller's payment requests under a variable payment term.
     *
     * @param expirationDuration with {@code AUTO_APPROVE_ON_EXPIRATION}, how long a request waits before it is
     *     approved; absent otherwise
     */
    record VariablePaymentConfiguration(
            PaymentRequestApprovalStrategy paymentRequestApprovalStrategy,
            @Nullable Period expirationDuration) implements TermConfiguration {}
}
