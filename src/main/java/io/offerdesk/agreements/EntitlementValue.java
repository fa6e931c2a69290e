package io.offerdesk.agreements;

/**
 * How much of a dimension an entitlement gives, as AWS's {@code EntitlementValue}: a granted quantity, or a plain
 * yes for an unlimited grant and for a dimension paid by use.
 */
public sealed interface EntitlementValue {

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
