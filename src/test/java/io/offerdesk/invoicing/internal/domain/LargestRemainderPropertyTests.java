package io.offerdesk.invoicing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Parts always sum to their whole, and a part of what is left never exceeds what is left. */
class LargestRemainderPropertyTests {

    static final CurrencyUnit EUR = CurrencyUnit.EUR;

    @Provide
    Arbitrary<List<Long>> weights() {
        return Arbitraries.longs()
                .between(0, 10_000_000_000L)
                .list()
                .ofMinSize(1)
                .ofMaxSize(12);
    }

    @Property(tries = 1000)
    void partsSumToTheWholeAndStayWithinTheirWeights(
            @ForAll("weights") List<Long> weights, @ForAll @LongRange(min = 0, max = 1_000_000) long perMillion) {
        var total = weights.stream().mapToLong(Long::longValue).sum();
        // Any whole up to the weights' sum: the credit never exceeds what is left.
        var whole = Money.ofMinor(
                EUR,
                BigInteger.valueOf(total)
                        .multiply(BigInteger.valueOf(perMillion))
                        .divide(BigInteger.valueOf(1_000_000))
                        .longValueExact());
        var money = weights.stream().map(w -> Money.ofMinor(EUR, w)).toList();
        var parts = LargestRemainder.divide(whole, money);
        assertThat(parts.stream()
                        .map(Money::getAmountMinorLong)
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(whole.getAmountMinorLong());
        for (int i = 0; i < parts.size(); i++) {
            assertThat(parts.get(i)).isLessThanOrEqualTo(money.get(i));
            assertThat(parts.get(i).isNegative()).isFalse();
        }
    }

    @Property(tries = 1000)
    void aShareLiesBetweenNothingAndTheWhole(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long whole,
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long numerator,
            @ForAll @LongRange(min = 1, max = 100_000_000_000L) long extra) {
        var share = LargestRemainder.share(
                Money.ofMinor(EUR, whole), Money.ofMinor(EUR, numerator), Money.ofMinor(EUR, numerator + extra));
        assertThat(share.getAmountMinorLong()).isBetween(0L, whole);
        // One rounding toward zero: less than a minor unit below the exact share, never above it.
        var exact = java.math.BigInteger.valueOf(whole).multiply(java.math.BigInteger.valueOf(numerator));
        var denominator = java.math.BigInteger.valueOf(numerator + extra);
        assertThat(java.math.BigInteger.valueOf(share.getAmountMinorLong()).multiply(denominator))
                .isLessThanOrEqualTo(exact);
        assertThat(java.math.BigInteger.valueOf(share.getAmountMinorLong() + 1).multiply(denominator))
                .isGreaterThan(exact);
        assertThat(LargestRemainder.share(
                        Money.ofMinor(EUR, whole), Money.ofMinor(EUR, extra), Money.ofMinor(EUR, extra)))
                .isEqualTo(Money.ofMinor(EUR, whole));
    }
}
