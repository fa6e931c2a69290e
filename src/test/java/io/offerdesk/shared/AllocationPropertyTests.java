package io.offerdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class AllocationPropertyTests {

    @Property(tries = 1000)
    void thePartsAlwaysSumToTheWholeAndNoneIsNegative(
            @ForAll("currencies") CurrencyUnit currency,
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long wholeMinor,
            @ForAll("weights") List<BigDecimal> weights,
            @ForAll("legs") int remainderSeed) {
        var whole = Money.ofMinor(currency, wholeMinor);
        var remainderLeg = Math.floorMod(remainderSeed, weights.size());

        var parts = Allocation.split(whole, weights, remainderLeg);

        assertThat(parts).hasSameSizeAs(weights);
        assertThat(parts.stream().reduce(Money.zero(currency), Money::plus)).isEqualTo(whole);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.isNegative()).isFalse();
            assertThat(part.getCurrencyUnit()).isEqualTo(currency);
        });
    }

    @Property(tries = 1000)
    void everyLegButTheRemainderGetsItsShareRoundedOnceTowardZero(
            @ForAll("currencies") CurrencyUnit currency,
            @ForAll @LongRange(min = -100_000_000_000L, max = 100_000_000_000L) long wholeMinor,
            @ForAll("weights") List<BigDecimal> weights) {
        var whole = Money.ofMinor(currency, wholeMinor);
        var remainderLeg = Allocation.largest(weights);

        var parts = Allocation.split(whole, weights, remainderLeg);

        var sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        var unit = BigDecimal.ONE.movePointLeft(currency.getDecimalPlaces());
        for (int leg = 0; leg < weights.size(); leg++) {
            if (leg == remainderLeg) {
                continue;
            }
            var exact = whole.getAmount().multiply(weights.get(leg)).divide(sum, 20, RoundingMode.HALF_EVEN);
            var shortBy = exact.subtract(parts.get(leg).getAmount()).abs();
            assertThat(shortBy).isLessThan(unit);
            assertThat(parts.get(leg).getAmount().abs()).isLessThanOrEqualTo(exact.abs());
        }
        // The whole's sign, never the opposite, on every leg.
        assertThat(parts)
                .allSatisfy(part -> assertThat(
                                part.getAmount().signum() * whole.getAmount().signum())
                        .isGreaterThanOrEqualTo(0));
        // The remainder leg takes at most one minor unit per other leg beyond its own share.
        var remainderExact =
                whole.getAmount().multiply(weights.get(remainderLeg)).divide(sum, 20, RoundingMode.HALF_EVEN);
        assertThat(parts.get(remainderLeg).getAmount().subtract(remainderExact).abs())
                .isLessThan(
                        unit.multiply(BigDecimal.valueOf(weights.size() - 1L)).max(unit));
    }

    @Property(tries = 1000)
    void splittingInTheProportionsOfPartsGivesThoseParts(
            @ForAll("currencies") CurrencyUnit currency,
            @ForAll @Size(min = 1, max = 6) List<@LongRange(min = 0, max = 1_000_000_000L) Long> partsMinor) {
        var parts =
                partsMinor.stream().map(minor -> Money.ofMinor(currency, minor)).toList();
        var whole = parts.stream().reduce(Money.zero(currency), Money::plus);
        if (whole.isZero()) {
            return;
        }
        var amounts = parts.stream().map(Money::getAmount).toList();
        assertThat(Allocation.inProportionTo(whole, parts, Allocation.largest(amounts)))
                .isEqualTo(parts);
    }

    @Test
    void refusesWhatHasNoProportions() {
        var whole = Money.of(CurrencyUnit.USD, 10);
        assertThatIllegalArgumentException().isThrownBy(() -> Allocation.split(whole, List.of(), 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Allocation.split(whole, List.of(BigDecimal.ZERO, BigDecimal.ZERO), 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Allocation.split(whole, List.of(BigDecimal.ONE, BigDecimal.ONE.negate()), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Allocation.split(whole, List.of(BigDecimal.ONE), 1));
    }

    @Test
    void roundsTowardZeroWhereRoundingHalfUpWouldHandOutMoreThanThereIs() {
        var parts = Allocation.split(
                Money.parse("USD 0.05"),
                List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("0.3")),
                3);
        assertThat(parts)
                .containsExactly(
                        Money.parse("USD 0.01"),
                        Money.parse("USD 0.01"),
                        Money.parse("USD 0.01"),
                        Money.parse("USD 0.02"));
        assertThat(Allocation.split(
                        Money.ofMajor(CurrencyUnit.JPY, 100),
                        List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE),
                        0))
                .containsExactly(
                        Money.ofMajor(CurrencyUnit.JPY, 34),
                        Money.ofMajor(CurrencyUnit.JPY, 33),
                        Money.ofMajor(CurrencyUnit.JPY, 33));
    }

    @Provide
    Arbitrary<CurrencyUnit> currencies() {
        return Arbitraries.of(
                CurrencyUnit.USD, CurrencyUnit.EUR, CurrencyUnit.JPY, CurrencyUnit.of("BHD"), CurrencyUnit.GBP);
    }

    @Provide
    Arbitrary<List<BigDecimal>> weights() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("1000000"))
                .ofScale(4)
                .list()
                .ofMinSize(1)
                .ofMaxSize(8)
                .filter(list -> list.stream().anyMatch(w -> w.signum() > 0));
    }

    @Provide
    Arbitrary<Integer> legs() {
        return Arbitraries.integers().between(0, 1_000);
    }
}
