package io.offerdesk.metering.internal.domain;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.TermConfiguration.ContractConfiguration;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Rating (ADR 0021): an agreement's usage in one billing period priced at its rate card, one line per dimension and
 * allocation tag set, each rounded once. For a contract with consumption the contract's entitled quantities are used
 * up first, over the whole contract term and in the order the usage happened; only what is beyond them is billed.
 */
public final class Rating {

    /** An entitlement without a limit (a grant without {@code MaxQuantity}). */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** The rounding of a line's amount: the domain reference names none, and half-even has no bias in the sum. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private Rating() {}

    /**
     * What an agreement's usage is priced by.
     *
     * @param prices the usage rate card: the unit price per metered dimension
     * @param wholesalePrices for a resold agreement, the ISV's unit prices; empty for a direct one
     * @param entitled the quantities the contract entitles the buyer to per dimension, for its whole term
     */
    public record RateCard(
            CurrencyUnit currency,
            Map<String, BigDecimal> prices,
            Map<String, BigDecimal> wholesalePrices,
            Map<String, Long> entitled) {

        public RateCard {
            prices = Map.copyOf(prices);
            wholesalePrices = Map.copyOf(wholesalePrices);
            entitled = Map.copyOf(entitled);
        }

        /** The agreement's rate card, when its terms carry a usage-based pricing term. */
        public static Optional<RateCard> of(List<AcceptedTerm> terms, @Nullable List<AcceptedTerm> wholesaleTerms) {
            return usageTerm(terms)
                    .map(usage -> new RateCard(
                            CurrencyUnit.of(usage.currencyCode()),
                            Rating.prices(usage),
                            wholesaleTerms == null
                                    ? Map.of()
                                    : usageTerm(wholesaleTerms)
                                            .map(Rating::prices)
                                            .orElse(Map.of()),
                            entitlements(terms)));
        }
    }

    /** A part of the period's usage: one allocation of a record (the whole record without), in the order it was used. */
    public record Usage(String dimension, Map<String, String> tags, long quantity) {}

    /**
     * One line of a rating.
     *
     * @param used the usage of the period in this dimension and tag set
     * @param covered the part of it the contract's entitlement covered
     * @param amount the billed quantity times the unit price, rounded once
     * @param wholesale the ISV's part of a resold agreement's amount, rounded the same way; absent for a direct one
     */
    public record Line(
            String dimension,
            SortedMap<String, String> tags,
            long used,
            long covered,
            BigDecimal unitPrice,
            Money amount,
            @Nullable Money wholesale) {

        public long billed() {
            return used - covered;
        }
    }

    /** Whether the agreement's terms have a usage rate card: only those agreements are rated. */
    public static boolean rated(List<AcceptedTerm> terms) {
        return usageTerm(terms).isPresent();
    }

    /**
     * Rates a period's usage.
     *
     * @param usedBefore the usage per dimension in the agreement's earlier periods, which drew on the entitlement first
     * @param usage the period's usage in the order it happened; dimensions without a price are not billed
     */
    public static List<Line> rate(RateCard card, Map<String, Long> usedBefore, List<Usage> usage) {
        var remaining = new HashMap<String, Long>();
        card.entitled()
                .forEach((dimension, entitled) -> remaining.put(
                        dimension,
                        entitled == UNLIMITED
                                ? UNLIMITED
                                : Math.max(0, entitled - usedBefore.getOrDefault(dimension, 0L))));
        record Key(String dimension, SortedMap<String, String> tags) {}
        var used = new LinkedHashMap<Key, long[]>();
        for (var part : usage) {
            if (!card.prices().containsKey(part.dimension())) {
                continue;
            }
            var left = remaining.getOrDefault(part.dimension(), 0L);
            var covered = Math.min(left, part.quantity());
            if (left != UNLIMITED) {
                remaining.put(part.dimension(), left - covered);
            }
            var sums = used.computeIfAbsent(
                    new Key(part.dimension(), Collections.unmodifiableSortedMap(new TreeMap<>(part.tags()))),
                    k -> new long[2]);
            sums[0] += part.quantity();
            sums[1] += covered;
        }
        var lines = new ArrayList<Line>(used.size());
        used.forEach((key, sums) -> {
            var price = Objects.requireNonNull(card.prices().get(key.dimension()));
            var wholesalePrice = card.wholesalePrices().get(key.dimension());
            var billed = sums[0] - sums[1];
            lines.add(new Line(
                    key.dimension(),
                    key.tags(),
                    sums[0],
                    sums[1],
                    price,
                    amount(card.currency(), price, billed),
                    wholesalePrice == null ? null : amount(card.currency(), wholesalePrice, billed)));
        });
        lines.sort(Comparator.comparing(Line::dimension)
                .thenComparing(l -> l.tags().toString()));
        return List.copyOf(lines);
    }

    /** The one rounding of a line: the exact product of quantity and unit price to the currency's scale. */
    static Money amount(CurrencyUnit currency, BigDecimal unitPrice, long quantity) {
        return BigMoney.of(currency, unitPrice).multipliedBy(quantity).toMoney(ROUNDING);
    }

    /** The billing period that starts at {@code start}: to the next calendar month in UTC, or the end if sooner. */
    public static Instant periodEnd(Instant start, @Nullable Instant end) {
        var nextMonth = YearMonth.from(start.atZone(ZoneOffset.UTC))
                .plusMonths(1)
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return end != null && end.isBefore(nextMonth) ? end : nextMonth;
    }

    /**
     * The contract's entitled quantities per dimension: the grants of a fixed upfront term (unlimited without a
     * maximum) and the quantities the buyer chose for a configurable upfront term.
     */
    static Map<String, Long> entitlements(List<AcceptedTerm> terms) {
        var entitled = new HashMap<String, Long>();
        for (var accepted : terms) {
            if (accepted.term() instanceof FixedUpfrontPricingTerm fixed) {
                fixed.grants()
                        .forEach(g -> entitled.merge(
                                g.dimensionKey(),
                                g.maxQuantity() == null
                                        ? UNLIMITED
                                        : g.maxQuantity().longValue(),
                                Rating::plus));
            } else if (accepted.term() instanceof ConfigurableUpfrontPricingTerm
                    && accepted.configuration() instanceof ContractConfiguration contract) {
                contract.dimensions()
                        .forEach(d -> entitled.merge(d.dimensionKey(), (long) d.dimensionValue(), Rating::plus));
            }
        }
        return entitled;
    }

    private static long plus(long a, long b) {
        return a == UNLIMITED || b == UNLIMITED ? UNLIMITED : a + b;
    }

    private static Optional<UsageBasedPricingTerm> usageTerm(List<AcceptedTerm> terms) {
        return terms.stream()
                .map(AcceptedTerm::term)
                .filter(UsageBasedPricingTerm.class::isInstance)
                .map(UsageBasedPricingTerm.class::cast)
                .findFirst();
    }

    private static Map<String, BigDecimal> prices(UsageBasedPricingTerm usage) {
        var prices = new HashMap<String, BigDecimal>();
        usage.rateCards().forEach(card -> card.rateCard().forEach(r -> prices.put(r.dimensionKey(), r.price())));
        return prices;
    }
}
