package io.offerdesk.invoicing.internal.web;

import io.offerdesk.invoicing.internal.domain.AgingBucket;
import io.offerdesk.invoicing.internal.domain.Receivables;
import io.offerdesk.platform.Charts;
import io.offerdesk.platform.DashboardChart;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The revenue page's Apache ECharts options, drawn by {@code dashboard.js} like every other chart: billed, credited
 * and collected as bars by month with what was open at each month's end as a line (and, for an ISV, the wholesale of
 * its resold products), and what is open today by age. Amounts are decimals, never doubles.
 */
final class RevenueCharts {

    private RevenueCharts() {}

    /** The series' names in the reader's language. */
    record Names(String billed, String credited, String collected, String openAtEnd, String resoldWholesale) {}

    static Map<String, Object> monthly(List<Receivables.Month> months, Names names, boolean resold) {
        var series = new ArrayList<Map<String, Object>>();
        series.add(series("bar", names.billed(), months, Receivables.Month::billed));
        series.add(series("bar", names.collected(), months, Receivables.Month::collected));
        series.add(series("bar", names.credited(), months, Receivables.Month::credited));
        series.add(series("line", names.openAtEnd(), months, Receivables.Month::openAtEnd));
        if (resold) {
            series.add(series("bar", names.resoldWholesale(), months, Receivables.Month::resoldWholesale));
        }
        return Charts.series(months.stream().map(m -> m.month().toString()).toList(), series);
    }

    /** What is open today in each bucket, as bars in the buckets' order. */
    static Map<String, Object> aging(
            CurrencyUnit currency, Map<AgingBucket, Money> aging, Function<AgingBucket, String> label) {
        var labels = new ArrayList<String>();
        var values = new ArrayList<BigDecimal>();
        for (var bucket : AgingBucket.values()) {
            labels.add(label.apply(bucket));
            values.add(aging.getOrDefault(bucket, Money.zero(currency)).getAmount());
        }
        return Charts.categories(DashboardChart.Kind.BAR, labels, values, currency.getCode());
    }

    private static Map<String, Object> series(
            String type, String name, List<Receivables.Month> months, Function<Receivables.Month, Money> amount) {
        return Map.of(
                "type",
                type,
                "name",
                name,
                "data",
                months.stream().map(m -> amount.apply(m).getAmount()).toList());
    }
}
