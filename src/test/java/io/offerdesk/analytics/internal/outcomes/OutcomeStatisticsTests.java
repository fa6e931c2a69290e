package io.offerdesk.analytics.internal.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.analytics.internal.outcomes.OutcomeStatistics.Dimension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class OutcomeStatisticsTests {

    static final Instant T0 = Instant.parse("2030-01-10T09:00:00Z");
    static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    @Test
    void placesDiscountsInTheirBandsWithTheUpperBoundIncluded() {
        assertThat(DiscountBand.of(new BigDecimal("-5"))).isEqualTo(DiscountBand.NONE);
        assertThat(DiscountBand.of(BigDecimal.ZERO)).isEqualTo(DiscountBand.NONE);
        assertThat(DiscountBand.of(new BigDecimal("0.01"))).isEqualTo(DiscountBand.UP_TO_10);
        assertThat(DiscountBand.of(BigDecimal.TEN)).isEqualTo(DiscountBand.UP_TO_10);
        assertThat(DiscountBand.of(new BigDecimal("10.0001"))).isEqualTo(DiscountBand.UP_TO_20);
        assertThat(DiscountBand.of(new BigDecimal("30"))).isEqualTo(DiscountBand.UP_TO_30);
        assertThat(DiscountBand.of(new BigDecimal("30.5"))).isEqualTo(DiscountBand.OVER_30);
        assertThat(DiscountBand.of(new BigDecimal("100"))).isEqualTo(DiscountBand.OVER_30);
        assertThat(DiscountBand.keyOf(null)).isEqualTo(DiscountBand.UNKNOWN);
    }

    @Property
    void everyDiscountFallsInExactlyTheBandWhoseRangeHoldsIt(
            @ForAll @BigRange(min = "-100", max = "100") BigDecimal percent) {
        var band = DiscountBand.of(percent);
        var bounds = List.of(BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("20"), new BigDecimal("30"));
        int index = 0;
        while (index < bounds.size() && percent.compareTo(bounds.get(index)) > 0) {
            index++;
        }
        assertThat(band.ordinal()).isEqualTo(index);
    }

    @Test
    void countsTheFunnelOfACohortWithAcceptedOffersAsViewed() {
        var outcomes = List.of(
                draft("o1"),
                released("o2", null, null, null),
                released("o3", T0.plusSeconds(60), null, null),
                released("o4", null, T0.plus(Duration.ofDays(2)), null),
                released("o5", T0.plusSeconds(60), null, T0.plus(Duration.ofDays(5))),
                // Accepted, then its expiry passed: won, not expired.
                released("o6", T0.plusSeconds(60), T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(5))));

        var funnel = OutcomeStatistics.funnel(outcomes);

        assertThat(funnel).isEqualTo(new OutcomeStatistics.Funnel(6, 5, 4, 2, 1));
    }

    @Test
    void winRateCountsDecidedOffersOnlyAndTimeToAcceptRunsFromTheRelease() {
        var outcomes = List.of(
                released("a", null, T0.plus(Duration.ofDays(1)), null),
                released("b", null, T0.plus(Duration.ofDays(2)), null),
                released("c", null, T0.plus(Duration.ofDays(6)), null),
                released("d", null, null, T0.plus(Duration.ofDays(7))),
                released("e", null, null, null));

        var stats = OutcomeStatistics.stats("all", outcomes);

        assertThat(stats.released()).isEqualTo(5);
        assertThat(stats.accepted()).isEqualTo(3);
        assertThat(stats.lost()).isEqualTo(1);
        assertThat(stats.open()).isEqualTo(1);
        assertThat(stats.winRate()).isEqualByComparingTo("0.75");
        assertThat(stats.acceptanceRate()).isEqualByComparingTo("0.6");
        assertThat(stats.medianDaysToAccept()).isEqualByComparingTo("2");
        assertThat(stats.meanDaysToAccept()).isEqualByComparingTo("3");
    }

    @Test
    void hasNoRatesOrDaysWhereThereIsNothingToDivide() {
        var stats = OutcomeStatistics.stats("open", List.of(released("a", null, null, null)));

        assertThat(stats.winRate()).isNull();
        assertThat(stats.acceptanceRate()).isEqualByComparingTo("0");
        assertThat(stats.medianDaysToAccept()).isNull();
        assertThat(stats.meanDaysToAccept()).isNull();
        assertThat(OutcomeStatistics.rate(1, 0)).isNull();
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleOnesRoundedOnce() {
        var days = List.of(Duration.ofHours(36), Duration.ofDays(1), Duration.ofDays(4), Duration.ofDays(10));

        assertThat(OutcomeStatistics.medianDays(days)).isEqualByComparingTo("2.75");
        assertThat(OutcomeStatistics.meanDays(days)).isEqualByComparingTo("4.12");
        assertThat(OutcomeStatistics.rate(2, 3)).isEqualByComparingTo("0.6667");
    }

    @Property
    void theMedianLiesBetweenTheShortestAndTheLongest(
            @ForAll @IntRange(min = 1, max = 40) int count, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        var durations = new ArrayList<Duration>();
        for (int i = 0; i < count; i++) {
            durations.add(Duration.ofMinutes((seed * 7919L + i * 104729L) % 100_000));
        }
        var median = OutcomeStatistics.medianDays(durations);
        var min = durations.stream().min(Duration::compareTo).orElseThrow();
        var max = durations.stream().max(Duration::compareTo).orElseThrow();

        assertThat(median).isBetween(days(min), days(max).add(new BigDecimal("0.01")));
    }

    @Test
    void groupsReleasedOffersByDimensionWithMissingValuesUnderNone() {
        var cppo = with(released("c", null, T0.plus(Duration.ofDays(3)), null), "CPPO", "UPFRONT", "CUSTOM", null);
        var outcomes = List.of(
                draft("draft-only"),
                with(released("a", null, null, null), "SPO", "INSTALLMENTS", "STANDARD", new BigDecimal("12")),
                with(released("b", null, T0.plus(Duration.ofDays(1)), null), "SPO", "INSTALLMENTS", "STANDARD", null),
                cppo);

        var byPath = OutcomeStatistics.by(Dimension.PATH, outcomes);
        var byBand = OutcomeStatistics.by(Dimension.DISCOUNT_BAND, outcomes);
        var bySegment = OutcomeStatistics.by(Dimension.SEGMENT, outcomes);

        assertThat(byPath).extracting(OutcomeStatistics.Stats::key).containsExactly("CPPO", "SPO");
        assertThat(byPath.get(1).released()).isEqualTo(2);
        assertThat(byBand).extracting(OutcomeStatistics.Stats::key).containsExactly("", "UP_TO_20");
        assertThat(byBand.get(0).released()).isEqualTo(2);
        assertThat(bySegment).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo(OutcomeStatistics.NONE);
            assertThat(s.released()).isEqualTo(3);
        });
    }

    @Test
    void theStrategyLibraryListsPatternsOfTheMinimumSampleBestWinRateFirst() {
        var outcomes = new ArrayList<OfferOutcome>();
        // Installments: 3 released, 1 won, 2 lost. Upfront: 3 released, 2 won, 1 open. Usage: 2 released only.
        outcomes.add(
                with(released("i1", null, T0.plus(Duration.ofDays(1)), null), "SPO", "INSTALLMENTS", "STANDARD", null));
        outcomes.add(
                with(released("i2", null, null, T0.plus(Duration.ofDays(9))), "SPO", "INSTALLMENTS", "STANDARD", null));
        outcomes.add(
                with(released("i3", null, null, T0.plus(Duration.ofDays(9))), "SPO", "INSTALLMENTS", "STANDARD", null));
        outcomes.add(with(released("u1", null, T0.plus(Duration.ofDays(1)), null), "SPO", "UPFRONT", "STANDARD", null));
        outcomes.add(with(released("u2", null, T0.plus(Duration.ofDays(3)), null), "SPO", "UPFRONT", "STANDARD", null));
        outcomes.add(with(released("u3", null, null, null), "SPO", "UPFRONT", "STANDARD", null));
        outcomes.add(with(released("s1", null, T0.plus(Duration.ofDays(1)), null), "SPO", "USAGE", "STANDARD", null));
        outcomes.add(with(released("s2", null, T0.plus(Duration.ofDays(1)), null), "SPO", "USAGE", "STANDARD", null));

        var library = OutcomeStatistics.library(outcomes);

        assertThat(library)
                .extracting(OutcomeStatistics.Pattern::paymentSchedule)
                .containsExactly("UPFRONT", "INSTALLMENTS");
        assertThat(library.getFirst().stats().winRate()).isEqualByComparingTo("1");
        assertThat(library.getFirst().stats().released()).isEqualTo(3);
        assertThat(library.get(1).stats().winRate()).isEqualByComparingTo("0.3333");
        assertThat(library.getFirst().segment()).isEqualTo(OutcomeStatistics.NONE);
        assertThat(library.getFirst().discountBand()).isEqualTo(DiscountBand.UNKNOWN);
    }

    private static BigDecimal days(Duration duration) {
        return java.util.Objects.requireNonNull(OutcomeStatistics.medianDays(List.of(duration)));
    }

    private static OfferOutcome draft(String id) {
        return new OfferOutcome(
                id, SELLER, null, "prod-x", T0.minusSeconds(600), null, null, null, null, null, null, null, null, null);
    }

    private static OfferOutcome released(
            String id, @Nullable Instant viewed, @Nullable Instant accepted, @Nullable Instant expired) {
        return new OfferOutcome(
                id,
                SELLER,
                SELLER,
                "prod-x",
                T0.minusSeconds(600),
                T0,
                viewed,
                accepted,
                expired,
                "INSTALLMENTS",
                "STANDARD",
                "SPO",
                null,
                null);
    }

    private static OfferOutcome with(
            OfferOutcome o, String path, String schedule, String eula, @Nullable BigDecimal discount) {
        return new OfferOutcome(
                o.offerId(),
                o.partyId(),
                o.publisherPartyId(),
                o.productId(),
                o.draftedAt(),
                o.releasedAt(),
                o.firstViewedAt(),
                o.acceptedAt(),
                o.expiredAt(),
                schedule,
                eula,
                path,
                o.segment(),
                discount);
    }
}
