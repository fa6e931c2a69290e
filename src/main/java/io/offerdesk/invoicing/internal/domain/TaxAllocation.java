package io.offerdesk.invoicing.internal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.joda.money.Money;

/**
 * An invoice's tax: one rounding of subtotal × rate, then shared out to the lines in proportion to their amounts. Every
 * line but one gets its share rounded down; the largest line (the first of equal ones) gets the remainder, so the
 * lines' taxes sum to the invoice's exactly and none is negative.
 */
public final class TaxAllocation {

    private TaxAllocation() {}

    /** The tax on {@code subtotal} at {@code ratePercent}, rounded half up once, to the currency's minor unit. */
    public static Money tax(Money subtotal, BigDecimal ratePercent) {
        return subtotal.multipliedBy(ratePercent.movePointLeft(2), RoundingMode.HALF_UP);
    }

    /**
     * Shares {@code tax} out to lines of these amounts (all in its currency, at least one of them positive).
     *
     * @return each line's part, in the order of {@code amounts}
     */
    public static List<Money> allocate(Money tax, List<Money> amounts) {
        var subtotal = Money.total(amounts);
        if (!subtotal.isPositive()) {
            throw new IllegalArgumentException("Tax is shared out over a positive subtotal, not " + subtotal);
        }
        int named = 0;
        for (int i = 1; i < amounts.size(); i++) {
            if (amounts.get(i).isGreaterThan(amounts.get(named))) {
                named = i;
            }
        }
        var shares = new ArrayList<Money>(amounts.size());
        var given = Money.zero(tax.getCurrencyUnit());
        for (int i = 0; i < amounts.size(); i++) {
            if (i == named) {
                // Its part is what the others leave, known after the loop.
                shares.add(given);
                continue;
            }
            var share = Money.ofMinor(
                    tax.getCurrencyUnit(),
                    BigDecimal.valueOf(tax.getAmountMinorLong())
                            .multiply(BigDecimal.valueOf(amounts.get(i).getAmountMinorLong()))
                            .divide(BigDecimal.valueOf(subtotal.getAmountMinorLong()), 0, RoundingMode.DOWN)
                            .longValueExact());
            shares.add(share);
            given = given.plus(share);
        }
        shares.set(named, tax.minus(given));
        return shares;
    }
}
