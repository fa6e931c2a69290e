package io.offerdesk.analytics.internal.outcomes;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The fixed, named bands an offer's discount against the list price falls in. Fixed rather than per party so that
 * every party's reports (and the strategy library's patterns) compare like with like; a band includes its upper bound.
 */
public enum DiscountBand {
    NONE(BigDecimal.ZERO),
    UP_TO_10(BigDecimal.TEN),
    UP_TO_20(new BigDecimal("20")),
    UP_TO_30(new BigDecimal("30")),
    OVER_30(null);

    /** The key of an offer whose discount is unknown (the deal strategy did not position it). */
    public static final String UNKNOWN = "";

    private final @Nullable BigDecimal upTo;

    DiscountBand(@Nullable BigDecimal upTo) {
        this.upTo = upTo;
    }

    /** The band of a discount in percent; a negative discount (a price above the list price) is no discount. */
    public static DiscountBand of(BigDecimal percent) {
        for (var band : values()) {
            if (band.upTo == null || percent.compareTo(band.upTo) <= 0) {
                return band;
            }
        }
        throw new IllegalStateException("the last band is open");
    }

    /** The band's key, {@link #UNKNOWN} when there is no discount to place. */
    public static String keyOf(@Nullable BigDecimal percent) {
        return percent == null ? UNKNOWN : of(percent).name();
    }
}
