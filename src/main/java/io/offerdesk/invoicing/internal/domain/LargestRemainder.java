package io.offerdesk.invoicing.internal.domain;

import io.offerdesk.shared.Allocation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.joda.money.CurrencyMismatchException;
import org.joda.money.Money;

/**
 * Divides a credit over what is left of the things it is credited against (an invoice's lines, the legs of a
 * collection split) so that no part exceeds what its thing has left. The shared {@link Allocation} gives its rounding
 * remainder to one named leg, which may have less left than that remainder (two cents credited over three lines with a
 * cent left each would give the named line two); the largest-remainder method used here never does.
 */
public final class LargestRemainder {

    private LargestRemainder() {}

    /**
     * Splits {@code whole} over the weights in proportion to them: each part is the floor of its exact share, and the
     * minor units left over go one each to the parts with the largest cut-off fractions (the earlier weight first on a
     * tie). The parts sum to {@code whole}, and while {@code whole} is at most the sum of the weights no part exceeds
     * its weight.
     *
     * @param weights non-negative, in the currency of {@code whole}; they may sum to zero only when {@code whole} is
     *     zero
     */
    public static List<Money> divide(Money whole, List<Money> weights) {
        var currency = whole.getCurrencyUnit();
        if (whole.isNegative()) {
            throw new IllegalArgumentException("Cannot divide a negative amount " + whole);
        }
        var total = BigInteger.ZERO;
        for (var weight : weights) {
            sameCurrency(whole, weight);
            if (weight.isNegative()) {
                throw new IllegalArgumentException("Weights are not negative: " + weight);
            }
            total = total.add(BigInteger.valueOf(weight.getAmountMinorLong()));
        }
        if (total.signum() == 0) {
            if (!whole.isZero()) {
                throw new IllegalArgumentException("Cannot divide " + whole + " over nothing");
            }
            return weights.stream().map(w -> Money.zero(currency)).toList();
        }
        var amount = BigInteger.valueOf(whole.getAmountMinorLong());
        var floors = new long[weights.size()];
        var cutOff = new BigInteger[weights.size()];
        long given = 0;
        for (int i = 0; i < weights.size(); i++) {
            var division = amount.multiply(BigInteger.valueOf(weights.get(i).getAmountMinorLong()))
                    .divideAndRemainder(total);
            floors[i] = division[0].longValueExact();
            cutOff[i] = division[1];
            given += floors[i];
        }
        long left = whole.getAmountMinorLong() - given;
        IntStream.range(0, weights.size())
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> cutOff[i])
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

    /**
     * {@code whole × part / of} in one rounding toward zero, by the shared {@link Allocation}; exactly {@code whole}
     * when {@code part} is all of {@code of}.
     *
     * @param of positive, at least {@code part}
     */
    public static Money share(Money whole, Money part, Money of) {
        sameCurrency(whole, part, of);
        if (!of.isPositive() || part.isNegative() || part.isGreaterThan(of)) {
            throw new IllegalArgumentException("No share " + part + " of " + of);
        }
        return Allocation.split(whole, List.of(part.getAmount(), of.minus(part).getAmount()), 1)
                .getFirst();
    }

    static void sameCurrency(Money first, Money... others) {
        for (var other : others) {
            if (!first.isSameCurrency(other)) {
                throw new CurrencyMismatchException(first.getCurrencyUnit(), other.getCurrencyUnit());
            }
        }
    }
}
