package io.offerdesk.gtm.internal.strategy.domain;

import java.math.BigDecimal;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A range of total contract values in one currency, bounded on at least one side; both bounds are inclusive.
 *
 * @param min the smallest value in the range; unbounded below when absent
 * @param max the largest value in the range; unbounded above when absent
 */
public record ValueRange(
        CurrencyUnit currency,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max) {

    public ValueRange {
        if (min == null && max == null) {
            throw new IllegalArgumentException("a value range needs a bound");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("a value range's minimum exceeds its maximum");
        }
    }

    /** Whether the value is in the range; a value in another currency, or none, never is: there is no rate to compare. */
    public boolean contains(@Nullable Money value) {
        if (value == null || !value.getCurrencyUnit().equals(currency)) {
            return false;
        }
        var amount = value.getAmount();
        return (min == null || amount.compareTo(min) >= 0) && (max == null || amount.compareTo(max) <= 0);
    }
}
