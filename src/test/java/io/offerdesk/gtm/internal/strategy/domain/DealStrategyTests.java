package io.offerdesk.gtm.internal.strategy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Which segment an offer falls into and what the strategy says about it: first match by rank, key accounts by buyer
 * organization, contract value ranges per currency, the catch-all, and the discount band's ends.
 */
class DealStrategyTests {

    static final UUID GLOBEX = UUID.randomUUID();
    static final UUID INITECH = UUID.randomUUID();

    static final SegmentRule STRATEGIC = new SegmentRule(
            "Strategic",
            Route.PRIVATE_OFFER,
            List.of("400000000001"),
            Set.of(GLOBEX),
            null,
            new BigDecimal("10.00"),
            new BigDecimal("30.00"),
            "offertpl-acmedemo0000001");
    static final SegmentRule MID_MARKET = new SegmentRule(
            "Mid-market",
            Route.PRIVATE_OFFER,
            List.of(),
            Set.of(),
            new ValueRange(CurrencyUnit.USD, new BigDecimal("50000.00"), null),
            new BigDecimal("0.00"),
            new BigDecimal("15.00"),
            null);
    static final SegmentRule SELF_SERVE = new SegmentRule(
            "Self-serve", Route.PUBLIC_PRICE, List.of(), Set.of(), null, BigDecimal.ZERO, BigDecimal.ZERO, null);

    static final DealStrategy DEMO = new DealStrategy(List.of(STRATEGIC, MID_MARKET, SELF_SERVE));

    @Test
    void aKeyAccountsOfferIsInItsSegmentWhateverItsValue() {
        var position = DEMO.position(deal(Set.of(GLOBEX), "20.00", "USD 90000.00"));

        assertThat(position.segment()).isEqualTo(STRATEGIC);
        assertThat(position.rank()).isEqualTo(1);
        assertThat(position.findings()).isEmpty();
        assertThat(position.discountPercent()).isEqualByComparingTo("20");
        assertThat(position.contractValue()).isEqualTo(Money.parse("USD 90000.00"));
    }

    @Test
    void theFirstMatchingRuleByRankWinsEvenWhenALaterOneMatchesToo() {
        var reordered = new DealStrategy(List.of(MID_MARKET, STRATEGIC, SELF_SERVE));

        var position = reordered.position(deal(Set.of(GLOBEX), "20.00", "USD 90000.00"));

        assertThat(position.segment()).isEqualTo(MID_MARKET);
        assertThat(position.rank()).isEqualTo(1);
        assertThat(position.findings()).containsExactly(Finding.DISCOUNT_ABOVE_BAND);
    }

    @Test
    void aValueRangeIncludesItsBoundAndMatchesNoOtherCurrency() {
        assertThat(DEMO.position(deal(Set.of(INITECH), "5", "USD 50000.00")).segment())
                .isEqualTo(MID_MARKET);
        assertThat(DEMO.position(deal(Set.of(INITECH), "5", "USD 49999.99")).segment())
                .isEqualTo(SELF_SERVE);
        // EUR 90,000 is not compared with a USD range: there is no rate to compare by.
        assertThat(DEMO.position(deal(Set.of(INITECH), "5", "EUR 90000.00")).segment())
                .isEqualTo(SELF_SERVE);
        // A draft without a contract value yet matches no value range.
        assertThat(DEMO.position(deal(Set.of(INITECH), null, null)).segment()).isEqualTo(SELF_SERVE);
    }

    @Test
    void aPublicPriceSegmentIsFoundOutAndItsBandStillHolds() {
        var position = DEMO.position(deal(Set.of(INITECH), "5.00", "USD 1000.00"));

        assertThat(position.segment()).isEqualTo(SELF_SERVE);
        assertThat(position.rank()).isEqualTo(3);
        assertThat(position.findings()).containsExactly(Finding.PUBLIC_PRICE_SEGMENT, Finding.DISCOUNT_ABOVE_BAND);
    }

    @Test
    void withoutACatchAllAnOfferMayFallIntoNoSegment() {
        var strategy = new DealStrategy(List.of(STRATEGIC, MID_MARKET));

        var position = strategy.position(deal(Set.of(INITECH), "5.00", "USD 1000.00"));

        assertThat(position.segment()).isNull();
        assertThat(position.rank()).isNull();
        assertThat(position.findings()).containsExactly(Finding.NO_SEGMENT);
        assertThat(position.discountPercent()).isEqualByComparingTo("5");
        assertThat(new DealStrategy(List.of())
                        .position(deal(Set.of(), null, null))
                        .findings())
                .containsExactly(Finding.NO_SEGMENT);
    }

    @Test
    void aDiscountBelowTheBandIsFoundOutAndNoDiscountIsNeitherAboveNorBelow() {
        assertThat(DEMO.position(deal(Set.of(GLOBEX), "5.00", null)).findings())
                .containsExactly(Finding.DISCOUNT_BELOW_BAND);
        assertThat(DEMO.position(deal(Set.of(GLOBEX), null, null)).findings()).isEmpty();
    }

    @Test
    void rulesWithoutCriteriaAreCatchAllsAndBrokenRangesAreRefused() {
        assertThat(SELF_SERVE.catchAll()).isTrue();
        assertThat(STRATEGIC.catchAll()).isFalse();
        assertThat(MID_MARKET.catchAll()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new ValueRange(CurrencyUnit.USD, null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ValueRange(CurrencyUnit.USD, BigDecimal.TEN, BigDecimal.ONE));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SegmentRule(
                        "x", Route.PRIVATE_OFFER, List.of(), Set.of(), null, BigDecimal.TEN, BigDecimal.ONE, null));
    }

    /** Over the whole percent range: inside the band (ends included) nothing is found; outside, exactly one side. */
    @Property(tries = 500)
    void aDiscountIsFoundOutsideItsBandOnExactlyOneSide(
            @ForAll @IntRange(min = 0, max = 10_000) int discountHundredths,
            @ForAll @IntRange(min = 0, max = 10_000) int a,
            @ForAll @IntRange(min = 0, max = 10_000) int b) {
        var min = BigDecimal.valueOf(Math.min(a, b), 2);
        var max = BigDecimal.valueOf(Math.max(a, b), 2);
        var discount = BigDecimal.valueOf(discountHundredths, 2);
        var rule = new SegmentRule("Band", Route.PRIVATE_OFFER, List.of(), Set.of(), null, min, max, null);

        var findings = new DealStrategy(List.of(rule))
                .position(new Deal(Set.of(), discount, null))
                .findings();

        if (discount.compareTo(min) < 0) {
            assertThat(findings).containsExactly(Finding.DISCOUNT_BELOW_BAND);
        } else if (discount.compareTo(max) > 0) {
            assertThat(findings).containsExactly(Finding.DISCOUNT_ABOVE_BAND);
        } else {
            assertThat(findings).isEmpty();
        }
    }

    private static Deal deal(Set<UUID> buyers, @Nullable String discount, @Nullable String value) {
        return new Deal(
                buyers, discount == null ? null : new BigDecimal(discount), value == null ? null : Money.parse(value));
    }
}
