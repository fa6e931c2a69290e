package io.offerdesk.agreements;

import org.jspecify.annotations.Nullable;

/**
 * How much of a dimension an entitlement gives, as AWS's {@code EntitlementValue}: a granted quantity, or a plain
 * yes for an unlimited grant and for a dimension paid by use.
 */
public sealed interface EntitlementValue {

    /** The entitled quantity; absent when the entitlement has no limit. */
    default @Nullable Integer quantity() {
        return this instanceof IntegerValue(int value) ? value : null;
    }

    record IntegerValue(int value) implements EntitlementValue {
        public IntegerValue {
            if (value < 0) {
                throw new IllegalArgumentException("an entitled quantity is never negative: " + value);
            }
        }
    }

    record BooleanValue(boolean value) implements EntitlementValue {}

    /** Entitled to use the dimension without a limit. */
    EntitlementValue UNLIMITED = new BooleanValue(true);
}
