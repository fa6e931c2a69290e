package io.offerdesk.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Apache ECharts options for every chart the pages draw (with {@code dashboard.js}), so that all charts look alike:
 * the home page's dashboards, the sellers' expiring offers, a buyer's payment schedule.
 */
public final class Charts {

    private Charts() {}

    /**
     * Bars or a line over categories.
     *
     * @param kind {@link DashboardChart.Kind#BAR} or {@link DashboardChart.Kind#LINE}
     * @param seriesName shown in the tooltip, e.g. the currency of amounts; absent for plain counts
     */
    public static Map<String, Object> categories(
            DashboardChart.Kind kind, List<String> labels, List<? extends Number> values, @Nullable String seriesName) {
        var series = new LinkedHashMap<String, Object>();
        series.put("type", kind.name().toLowerCase(Locale.ROOT));
        if (seriesName != null) {
            series.put("name", seriesName);
        }
        series.put("data", values);
        return Map.of(
                "tooltip",
                Map.of("trigger", "axis"),
                // containLabel keeps wide values (amounts) inside the chart as well as small counts.
                "grid",
                Map.of("left", 16, "right", 16, "top", 16, "bottom", 32, "containLabel", true),
                "xAxis",
                Map.of(
                        "type",
                        "category",
                        "data",
                        labels,
                        // Every label, cut to fit, rather than ECharts silently dropping every other one.
                        "axisLabel",
                        Map.of("interval", 0, "width", 64, "overflow", "truncate", "fontSize", 10)),
                "yAxis",
                seriesName == null ? Map.of("type", "value", "minInterval", 1) : Map.of("type", "value"),
                "series",
                List.of(series));
    }

    /**
     * Several named series (bars, stacked bars or lines, as each series says) over the same categories, with a legend
     * above the chart.
     *
     * @param series ECharts series, each with its {@code type}, {@code name} and one value per category
     */
    public static Map<String, Object> series(List<String> labels, List<Map<String, Object>> series) {
        var option = new LinkedHashMap<String, Object>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put(
                "legend",
                Map.of("top", 0, "data", series.stream().map(s -> s.get("name")).toList()));
        option.put("grid", Map.of("left", 16, "right", 16, "top", 40, "bottom", 32, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", labels));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", series);
        return option;
    }

    /** One bar series for {@link #series}: a value per category, {@code null} for a gap. */
    public static Map<String, Object> bars(String name, List<? extends @Nullable Number> values) {
        var series = new LinkedHashMap<String, Object>();
        series.put("type", "bar");
        series.put("name", name);
        series.put("data", values);
        return series;
    }

    /** A bar series stacked on the others of the same {@code stack}. */
    public static Map<String, Object> stackedBars(String stack, String name, List<? extends Number> values) {
        var series = bars(name, values);
        series.put("stack", stack);
        return series;
    }

    /** Shares of a whole. */
    public static Map<String, Object> pie(List<String> labels, List<? extends Number> values) {
        return Map.of(
                "tooltip",
                Map.of("trigger", "item"),
                "series",
                List.of(Map.of(
                        "type",
                        "pie",
                        "radius",
                        "65%",
                        "data",
                        IntStream.range(0, labels.size())
                                .mapToObj(i -> Map.of("name", labels.get(i), "value", values.get(i)))
                                .toList())));
    }
}
