package io.offerdesk.invoicing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** Parts of what is left, each within what its thing has left; one-rounding shares. */
class LargestRemainderTests {

    static Money usd(String amount) {
        return Money.parse("USD " + amount);
    }

    @Test
    void aShareRoundsOnceTowardZero() {
        assertThat(LargestRemainder.share(usd("10.00"), usd("2.00"), usd("3.00")))
                .isEqualTo(usd("6.66"));
        assertThat(LargestRemainder.share(usd("0.05"), usd("1.00"), usd("2.00")))
                .isEqualTo(usd("0.02"));
        assertThat(LargestRemainder.share(usd("123.45"), usd("7.00"), usd("7.00")))
                .isEqualTo(usd("123.45"));
    }

    @Test
    void aShareOfNothingOrOfMoreThanAllIsUndefined() {
        assertThatThrownBy(() -> LargestRemainder.share(usd("1.00"), usd("0.00"), usd("0.00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.share(usd("1.00"), usd("2.00"), usd("1.00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leftoverCentsGoToTheLargestCutOffFractions() {
        // 1.00 over 1:1:1 is 0.333… each: one cent is left and goes to the first of the equal fractions.
        assertThat(LargestRemainder.divide(usd("1.00"), List.of(usd("1.00"), usd("1.00"), usd("1.00"))))
                .containsExactly(usd("0.34"), usd("0.33"), usd("0.33"));
        // 0.10 over 0.01:0.02:0.07 is exact.
        assertThat(LargestRemainder.divide(usd("0.10"), List.of(usd("0.01"), usd("0.02"), usd("0.07"))))
                .containsExactly(usd("0.01"), usd("0.02"), usd("0.07"));
    }

    @Test
    void noPartExceedsItsWeightWhereARemainderLegWould() {
        // Three lines with a cent left each: crediting two cents must not give both to one line.
        var parts = LargestRemainder.divide(usd("0.02"), List.of(usd("0.01"), usd("0.01"), usd("0.01")));
        assertThat(parts).containsExactly(usd("0.01"), usd("0.01"), usd("0.00"));
    }

    @Test
    void zeroOverZeroWeightsIsZeros() {
        assertThat(LargestRemainder.divide(usd("0.00"), List.of(usd("0.00"), usd("0.00"))))
                .containsExactly(usd("0.00"), usd("0.00"));
        assertThatThrownBy(() -> LargestRemainder.divide(usd("0.01"), List.of(usd("0.00"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
