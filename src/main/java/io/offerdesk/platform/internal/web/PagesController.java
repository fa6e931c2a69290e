package io.offerdesk.platform.internal.web;

import io.offerdesk.platform.Charts;
import io.offerdesk.platform.DashboardChart;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/** The sign-in page and each user's home page, which greets them, charts their party's state and lays out its work. */
@Controller
class PagesController {

    /** A chart ready for the page: its translated title and its ECharts option as JSON. */
    record ChartView(String title, String option) {}

    private final List<DashboardChart> charts;
    private final MessageSource messages;
    private final JsonMapper json;

    PagesController(List<DashboardChart> charts, MessageSource messages, JsonMapper json) {
        this.charts = charts.stream()
                .sorted(Comparator.comparingInt(DashboardChart::order))
                .toList();
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }

    @GetMapping("/")
    String home(OfferdeskPrincipal me, Model model) {
        model.addAttribute(
                "charts",
                charts.stream()
                        .map(chart -> chart.chartFor(me))
                        .flatMap(Optional::stream)
                        .map(this::view)
                        .toList());
        return "platform/home";
    }

    private ChartView view(DashboardChart.Chart chart) {
        var locale = LocaleContextHolder.getLocale();
        var labels = chart.points().stream()
                .map(p -> chart.labelPrefix() == null
                        ? p.label()
                        : messages.getMessage(chart.labelPrefix() + p.label(), null, p.label(), locale))
                .toList();
        var values = chart.points().stream().map(DashboardChart.Point::value).toList();
        var option = switch (chart.kind()) {
            case PIE -> Charts.pie(labels, values);
            case BAR, LINE -> Charts.categories(chart.kind(), labels, values, null);
        };
        var title = messages.getMessage(chart.titleKey(), null, chart.titleKey(), locale);
        return new ChartView(title, json.writeValueAsString(option));
    }
}
