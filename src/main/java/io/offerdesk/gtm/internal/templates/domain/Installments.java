package io.offerdesk.gtm.internal.templates.domain;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;

/**
 * Splits a contract total into equal installments in one rounding step; the first installment takes the remainder,
 * so the parts always sum to the total (DESIGN §3).
 */
public final class Installments {

    private Installments() {}

    public static List<Money> split(Money total, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one installment: " + count);
        }
        var each = total.dividedBy(count, RoundingMode.DOWN);
        var first = total.minus(each.multipliedBy(count - 1L));
        var parts = new ArrayList<Money>(count);
        parts.add(first);
        for (int i = 1; i < count; i++) {
            parts.add(each);
        }
        return List.copyOf(parts);
    }
}
