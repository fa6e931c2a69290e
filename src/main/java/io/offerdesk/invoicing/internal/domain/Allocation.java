package io.offerdesk.invoicing.internal.domain;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.joda.money.Money;

/**
 * Divides money without losing or inventing a minor unit: every function rounds once and returns parts that sum to
 * their whole.
 */
public final class Allocation {

    private Allocation() {}

    /** @throws org.joda.money.CurrencyMismatchException unless every amount is in the currency of {@code first} */
    static void sameCurrency(Money first, Money... others) {
        for (var other : others) {
            if (!first.isSameCurrency(other)) {
                throw new org.joda.money.CurrencyMismatchException(first.getCurrencyUnit(), other.getCurrencyUnit());
            }
        }
    }

    /**
     * {@code whole × numerator / denominator}, rounded half up to the currency's minor unit. Exact (no rounding at all)
     * when {@code numerator} equals {@code denominator}, so a share of everything is everything.
     *
     * @throws IllegalArgumentException for a zero or negative denominator, or amounts in other currencies
     */
    public static Money share(Money whole, Money numerator, Money denominator) {
        sameCurrency(whole, numerator, denominator);
        if (!denominator.isPositive()) {
            throw new IllegalArgumentException("A share of " + denominator + " is undefined");
        }
        var product = BigInteger.valueOf(whole.getAmountMinorLong())
                .multiply(BigInteger.valueOf(numerator.getAmountMinorLong()));
        var minor = new java.math.BigDecimal(product)
                .divide(new java.math.BigDecimal(denominator.getAmountMinorLong()), 0, RoundingMode.HALF_UP)
                .longValueExact();
        return Money.ofMinor(whole.getCurrencyUnit(), minor);
    }

    /**
     * Splits {@code whole} over the weights in proportion to them by the largest-remainder method: each part is the
     * floor of its exact share, and the minor units left over go one each to the parts with the largest cut-off
     * fractions (the earlier weight first on a tie). The parts sum to {@code whole}, and while {@code whole} is at most
     * the sum of the weights no part exceeds its weight. That is why this, and not "remainder to one named leg", divides
     * a credit over what is left of an invoice's lines: the named leg could be given more than it has left.
     *
     * @param weights non-negative, in the currency of {@code whole}; they may sum to zero only when {@code whole} is
     *     zero
     */
    public static List<Money> proportionally(Money whole, List<Money> weights) {
        var currency = whole.getCurrencyUnit();
        if (whole.isNegative()) {
            throw new IllegalArgumentException("Cannot allocate a negative amount " + whole);
        }
        var total = BigInteger.ZERO;
        for (var weight : weights) {
            sameCurrency(whole, weight);
            if (weight.isNegative()) {
                throw new IllegalArgumentException("Allocation weights are not negative: " + weight);
            }
            total = total.add(BigInteger.valueOf(weight.getAmountMinorLong()));
        }
        if (total.signum() == 0) {
            if (!whole.isZero()) {
                throw new IllegalArgumentException("Cannot allocate " + whole + " over nothing");
            }
            return weights.stream().map(w -> Money.zero(currency)).toList();
        }
        var amount = BigInteger.valueOf(whole.getAmountMinorLong());
        var floors = new long[weights.size()];
        var remainders = new BigInteger[weights.size()];
        long allocated = 0;
        for (int i = 0; i < weights.size(); i++) {
            var division = amount.multiply(BigInteger.valueOf(weights.get(i).getAmountMinorLong()))
                    .divideAndRemainder(total);
            floors[i] = division[0].longValueExact();
            remainders[i] = division[1];
            allocated += floors[i];
        }
        long left = whole.getAmountMinorLong() - allocated;
        IntStream.range(0, weights.size())
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i])
                        .reversed()
                        .thenComparing(i -> i))
                .limit(left)
                .forEach(i -> floors[i]++);
        var parts = new ArrayList<Money>(weights.size());
        for (long minor : floors) {
            parts.add(Money.ofMinor(currency, minor));
        }
        return List.copyOf(parts);
    }
}
