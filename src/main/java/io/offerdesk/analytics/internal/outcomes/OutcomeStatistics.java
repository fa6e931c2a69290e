package io.offerdesk.analytics.internal.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The statistics of offer outcomes, pure functions of the read model's rows.
 *
 * <p>Win rate is accepted ÷ decided, where decided is accepted + lost (expired without acceptance): offers still open
 * have no outcome yet and would otherwise lower the rate of every recent period. The acceptance rate, accepted ÷
 * released, is given beside it. Time to accept runs from the release to the first acceptance, in days.
 */
public final class OutcomeStatistics {

    private OutcomeStatistics() {}

    /** The strategy library lists a pattern once this many of its offers were released. */
    public static final int LIBRARY_MIN_SAMPLE = 3;

    /** Rates are fractions with this many decimals (0.6667). */
    public static final int RATE_SCALE = 4;

    /** Days to accept have this many decimals. */
    public static final int DAYS_SCALE = 2;

    private static final BigDecimal SECONDS_PER_DAY =
            BigDecimal.valueOf(Duration.ofDays(1).toSeconds());

    /** The key of an outcome without a value for a dimension: no segment, unknown discount. */
    public static final String NONE = "";

    /** What outcomes are grouped by. */
    public enum Dimension {
        DISCOUNT_BAND(o -> DiscountBand.keyOf(o.discountPercent())),
        SEGMENT(OfferOutcome::segment),
        PAYMENT_SCHEDULE(OfferOutcome::paymentSchedule),
        EULA_TYPE(OfferOutcome::eulaType),
        PATH(OfferOutcome::path);

        private final Function<OfferOutcome, @Nullable String> key;

        Dimension(Function<OfferOutcome, @Nullable String> key) {
            this.key = key;
        }

        public String keyOf(OfferOutcome outcome) {
            return Objects.requireNonNullElse(key.apply(outcome), NONE);
        }
    }

    /**
     * The funnel of a cohort of offers.
     *
     * @param drafted every offer of the cohort
     * @param viewed released offers a buyer opened (or accepted)
     * @param expired released offers that expired without being accepted
     */
    public record Funnel(int drafted, int released, int viewed, int accepted, int expired) {}

    /**
     * The outcomes of the released offers with one key.
     *
     * @param winRate accepted ÷ (accepted + lost); absent while none is decided
     * @param acceptanceRate accepted ÷ released; absent when none was released
     * @param medianDaysToAccept absent when none was accepted
     */
    public record Stats(
            String key,
            int released,
            int accepted,
            int lost,
            int open,
            @Nullable BigDecimal winRate,
            @Nullable BigDecimal acceptanceRate,
            @Nullable BigDecimal medianDaysToAccept,
            @Nullable BigDecimal meanDaysToAccept) {}

    /** An offer pattern of the strategy library: the value of every dimension, in {@link Dimension} order. */
    public record Pattern(
            String discountBand, String segment, String paymentSchedule, String eulaType, String path, Stats stats) {}

    public static Funnel funnel(List<OfferOutcome> outcomes) {
        var released = outcomes.stream().filter(OfferOutcome::released).toList();
        return new Funnel(
                outcomes.size(),
                released.size(),
                count(released, OfferOutcome::viewed),
                count(released, OfferOutcome::accepted),
                count(released, OfferOutcome::lost));
    }

    /** The released offers' outcomes per key of the dimension, in key order. */
    public static List<Stats> by(Dimension dimension, List<OfferOutcome> outcomes) {
        var groups = new TreeMap<String, List<OfferOutcome>>();
        outcomes.stream()
                .filter(OfferOutcome::released)
                .forEach(o -> groups.computeIfAbsent(dimension.keyOf(o), k -> new ArrayList<>())
                        .add(o));
        return groups.entrySet().stream()
                .map(e -> stats(e.getKey(), e.getValue()))
                .toList();
    }

    /** The outcomes of released offers (others are ignored) under one key. */
    public static Stats stats(String key, List<OfferOutcome> outcomes) {
        var released = outcomes.stream().filter(OfferOutcome::released).toList();
        int accepted = count(released, OfferOutcome::accepted);
        int lost = count(released, OfferOutcome::lost);
        var days = released.stream()
                .filter(OfferOutcome::accepted)
                .map(o -> Duration.between(Objects.requireNonNull(o.releasedAt()), o.acceptedAt()))
                .toList();
        return new Stats(
                key,
                released.size(),
                accepted,
                lost,
                released.size() - accepted - lost,
                rate(accepted, accepted + lost),
                rate(accepted, released.size()),
                medianDays(days),
                meanDays(days));
    }

    /**
     * The patterns (every dimension's value together) of at least {@link #LIBRARY_MIN_SAMPLE} released offers, the
     * best win rate first (undecided last), then the most released.
     */
    public static List<Pattern> library(List<OfferOutcome> outcomes) {
        var groups = new TreeMap<List<String>, List<OfferOutcome>>(Comparator.comparing(List::toString));
        outcomes.stream()
                .filter(OfferOutcome::released)
                .forEach(o -> groups.computeIfAbsent(
                                List.of(Dimension.values()).stream()
                                        .map(d -> d.keyOf(o))
                                        .toList(),
                                k -> new ArrayList<>())
                        .add(o));
        return groups.entrySet().stream()
                .filter(e -> e.getValue().size() >= LIBRARY_MIN_SAMPLE)
                .map(e -> {
                    var k = e.getKey();
                    return new Pattern(
                            k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), stats(String.join("|", k), e.getValue()));
                })
                .sorted(Comparator.comparing(
                                (Pattern p) -> p.stats().winRate(), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(p -> p.stats().released(), Comparator.reverseOrder())
                        .thenComparing(p -> p.stats().key()))
                .toList();
    }

    /** part ÷ whole with {@link #RATE_SCALE} decimals, half even; absent when whole is 0. */
    public static @Nullable BigDecimal rate(int part, int whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The median in days: the middle one, or the mean of the two middle ones. */
    public static @Nullable BigDecimal medianDays(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        var sorted = durations.stream().map(Duration::toSeconds).sorted().toList();
        int n = sorted.size();
        var middle = n % 2 == 1
                ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.TWO);
        return days(middle);
    }

    public static @Nullable BigDecimal meanDays(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        long total = durations.stream().mapToLong(Duration::toSeconds).sum();
        // One rounding step: the total over (count × seconds per day).
        return BigDecimal.valueOf(total)
                .divide(
                        SECONDS_PER_DAY.multiply(BigDecimal.valueOf(durations.size())),
                        DAYS_SCALE,
                        RoundingMode.HALF_EVEN);
    }

    /** Seconds as days, rounded once. */
    private static BigDecimal days(BigDecimal seconds) {
        return seconds.divide(SECONDS_PER_DAY, DAYS_SCALE, RoundingMode.HALF_EVEN);
    }

    private static int count(List<OfferOutcome> outcomes, Predicate<OfferOutcome> which) {
        return (int) outcomes.stream().filter(which).count();
    }
}
