package io.offerdesk.metering.internal.web;

import io.offerdesk.catalog.Dimension;
import io.offerdesk.metering.DailyUsage;
import io.offerdesk.platform.Charts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The usage page's Apache ECharts options, drawn by {@code dashboard.js} like every other chart: one stacked bar
 * series per dimension over every day from the first to the last with usage, so quiet days show as gaps.
 */
final class UsageCharts {

    private UsageCharts() {}

    static Map<String, Object> daily(List<DailyUsage> usage, List<Dimension> dimensions) {
        var days = days(usage);
        var keys = new TreeSet<String>();
        usage.forEach(u -> keys.add(u.dimension()));
        var series = new ArrayList<Map<String, Object>>();
        for (var key : keys) {
            var byDay = new LinkedHashMap<LocalDate, Long>();
            days.forEach(day -> byDay.put(day, 0L));
            usage.stream().filter(u -> u.dimension().equals(key)).forEach(u -> byDay.put(u.day(), u.quantity()));
            series.add(Map.of(
                    "type",
                    "bar",
                    "stack",
                    "usage",
                    "name",
                    label(key, dimensions),
                    "data",
                    List.copyOf(byDay.values())));
        }
        return Charts.series(days.stream().map(LocalDate::toString).toList(), series);
    }

    /** How the page names a dimension: its name and unit, or its key when the product no longer has it. */
    static String label(String key, List<Dimension> dimensions) {
        return dimensions.stream()
                .filter(d -> d.key().equals(key))
                .findFirst()
                .map(d -> d.name() + " (" + d.unit() + ")")
                .orElse(key);
    }

    private static List<LocalDate> days(List<DailyUsage> usage) {
        if (usage.isEmpty()) {
            return List.of();
        }
        var first =
                usage.stream().map(DailyUsage::day).min(LocalDate::compareTo).orElseThrow();
        var last = usage.stream().map(DailyUsage::day).max(LocalDate::compareTo).orElseThrow();
        return first.datesUntil(last.plusDays(1)).toList();
    }
}
