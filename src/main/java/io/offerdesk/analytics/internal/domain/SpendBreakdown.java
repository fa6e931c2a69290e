package io.offerdesk.analytics.internal.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A buyer's spend broken down by product, seller and month, per currency: each invoice line counts with its tax at
 * its invoice's date, a credit memo's line negated. Every breakdown sums to the same whole, the invoices' totals.
 */
public final class SpendBreakdown {

    private SpendBreakdown() {}

    /** One invoice line's spend: its amount and tax, negated for a credit memo. */
    public record Line(YearMonth month, String productId, String sellerPartyId, Money spend) {}

    /** One key's spend in one currency. */
    public record Share(String key, Money spend) {}

    /**
     * @param byProduct largest first
     * @param bySeller largest first
     * @param byMonth in month order, every month of the range present (zero when nothing was invoiced)
     */
    public record Breakdown(
            CurrencyUnit currency, Money total, List<Share> byProduct, List<Share> bySeller, List<Share> byMonth) {}

    /** One breakdown per currency the lines have, in currency code order. */
    public static List<Breakdown> of(List<Line> lines, YearMonth from, YearMonth to) {
        var byCurrency = new TreeMap<String, List<Line>>();
        lines.forEach(l -> byCurrency
                .computeIfAbsent(l.spend().getCurrencyUnit().getCode(), c -> new ArrayList<>())
                .add(l));
        var breakdowns = new ArrayList<Breakdown>();
        byCurrency.forEach((code, inCurrency) -> {
            var currency = CurrencyUnit.of(code);
            var months = new TreeMap<String, Money>();
            for (var month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                months.put(month.toString(), Money.zero(currency));
            }
            var products = new TreeMap<String, Money>();
            var sellers = new TreeMap<String, Money>();
            var total = Money.zero(currency);
            for (var line : inCurrency) {
                products.merge(line.productId(), line.spend(), Money::plus);
                sellers.merge(line.sellerPartyId(), line.spend(), Money::plus);
                months.merge(line.month().toString(), line.spend(), Money::plus);
                total = total.plus(line.spend());
            }
            breakdowns.add(
                    new Breakdown(currency, total, largestFirst(products), largestFirst(sellers), inOrder(months)));
        });
        return breakdowns;
    }

    private static List<Share> largestFirst(Map<String, Money> sums) {
        return sums.entrySet().stream()
                .sorted(Map.Entry.<String, Money>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Share(e.getKey(), e.getValue()))
                .toList();
    }

    private static List<Share> inOrder(Map<String, Money> sums) {
        return sums.entrySet().stream()
                .map(e -> new Share(e.getKey(), e.getValue()))
                .toList();
    }
}
