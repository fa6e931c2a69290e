package io.offerdesk.analytics.internal.web;

import io.offerdesk.analytics.internal.Reports;
import io.offerdesk.analytics.internal.outcomes.OfferOutcomes;
import io.offerdesk.analytics.internal.outcomes.OfferOutcomes.RenewalState;
import io.offerdesk.analytics.internal.outcomes.OutcomeExports;
import io.offerdesk.analytics.internal.outcomes.OutcomeStatistics;
import io.offerdesk.analytics.internal.outcomes.OutcomeStatistics.Dimension;
import io.offerdesk.analytics.internal.outcomes.OutcomeStatistics.Stats;
import io.offerdesk.platform.Charts;
import io.offerdesk.platform.NavigationItem;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.PartyKind;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offer analytics page of a seller or channel partner (ADR 0034): the funnel, win rate and time to accept by
 * dimension, the strategy library, booked against billed, collected and disbursed, and the renewal calendar, each
 * charted where a chart says more than the table, with its CSV beside it. The API has the same under {@code
 * /api/v1/analytics}.
 */
@Controller
class OutcomePages {

    static final String ANALYTICS = "/analytics";

    /** A row of a dimension's table: its statistics under their shown name. */
    record StatsRow(String label, Stats stats) {}

    record DimensionView(Dimension dimension, List<StatsRow> rows, String chart) {}

    record PatternRow(List<String> labels, Stats stats) {}

    record MoneyView(OfferOutcomes.MoneyTable table, String chart) {}

    private final OfferOutcomes outcomes;
    private final OutcomeExports exports;
    private final Reports reports;
    private final MessageSource messages;
    private final JsonMapper json;

    OutcomePages(
            OfferOutcomes outcomes, OutcomeExports exports, Reports reports, MessageSource messages, JsonMapper json) {
        this.outcomes = outcomes;
        this.exports = exports;
        this.reports = reports;
        this.messages = messages;
        this.json = json;
    }

    @Bean
    static NavigationItem outcomesNavigation() {
        return new NavigationItem(
                "outcomes.nav", ANALYTICS, 45, Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER), Set.of());
    }

    @GetMapping(ANALYTICS)
    String analytics(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to,
            Model model) {
        var months = reports.months(from, to);
        model.addAttribute("from", months.from());
        model.addAttribute("to", months.to());
        model.addAttribute("minSample", OutcomeStatistics.LIBRARY_MIN_SAMPLE);
        try {
            var report = outcomes.report(me, months.from(), months.to());
            var funnel = report.funnel();
            model.addAttribute("funnel", funnel);
            model.addAttribute(
                    "funnelChart",
                    json.writeValueAsString(funnelChart(List.of(
                            Map.entry("drafted", funnel.drafted()),
                            Map.entry("released", funnel.released()),
                            Map.entry("viewed", funnel.viewed()),
                            Map.entry("accepted", funnel.accepted()),
                            Map.entry("expired", funnel.expired())))));
            var dimensions = new ArrayList<DimensionView>();
            report.byDimension().forEach((dimension, stats) -> dimensions.add(view(dimension, stats)));
            model.addAttribute("dimensions", dimensions);
            model.addAttribute(
                    "library",
                    report.library().stream()
                            .map(p -> new PatternRow(
                                    List.of(
                                            label(Dimension.DISCOUNT_BAND, p.discountBand()),
                                            label(Dimension.SEGMENT, p.segment()),
                                            label(Dimension.PAYMENT_SCHEDULE, p.paymentSchedule()),
                                            label(Dimension.EULA_TYPE, p.eulaType()),
                                            label(Dimension.PATH, p.path())),
                                    p.stats()))
                            .toList());
            model.addAttribute(
                    "money",
                    outcomes.money(me, months.from(), months.to()).stream()
                            .map(this::moneyView)
                            .toList());
            model.addAttribute("edp", outcomes.edpContribution(me, months.from(), months.to()));
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
            model.addAttribute("dimensions", List.of());
            model.addAttribute("library", List.of());
            model.addAttribute("money", List.of());
            model.addAttribute("edp", List.of());
        }
        var calendar = outcomes.renewalCalendar(me);
        model.addAttribute("calendar", calendar);
        model.addAttribute("calendarChart", json.writeValueAsString(calendarChart(calendar)));
        model.addAttribute("products", reports.productNames());
        return "analytics/outcomes";
    }

    @GetMapping(ANALYTICS + "/{report}.csv")
    void csv(
            OfferdeskPrincipal me,
            @PathVariable String report,
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to,
            HttpServletResponse response)
            throws IOException {
        var months = reports.months(from, to);
        exports.write(me, report, months.from(), months.to(), response);
    }

    /** The win and acceptance rates per key, as percent bars. */
    private DimensionView view(Dimension dimension, List<Stats> stats) {
        var rows = stats.stream()
                .map(s -> new StatsRow(label(dimension, s.key()), s))
                .toList();
        var labels = rows.stream().map(StatsRow::label).toList();
        var series = new ArrayList<Map<String, Object>>();
        series.add(bars("outcomes.winRate", stats, Stats::winRate));
        series.add(bars("outcomes.acceptanceRate", stats, Stats::acceptanceRate));
        return new DimensionView(dimension, rows, json.writeValueAsString(Charts.series(labels, series)));
    }

    private Map<String, Object> bars(String key, List<Stats> stats, Function<Stats, @Nullable BigDecimal> rate) {
        var data = new ArrayList<@Nullable BigDecimal>();
        for (var s : stats) {
            var value = rate.apply(s);
            data.add(value == null ? null : value.movePointRight(2).stripTrailingZeros());
        }
        return Charts.bars(message(key), data);
    }

    /** Booked, billed, collected and disbursed side by side per month. */
    private MoneyView moneyView(OfferOutcomes.MoneyTable table) {
        var labels = table.rows().stream().map(r -> r.month().toString()).toList();
        var series = new ArrayList<Map<String, Object>>();
        series.add(moneyBars("outcomes.booked", table, OfferOutcomes.MoneyRow::booked));
        series.add(moneyBars("outcomes.billed", table, OfferOutcomes.MoneyRow::billed));
        series.add(moneyBars("outcomes.collected", table, OfferOutcomes.MoneyRow::collected));
        series.add(moneyBars("outcomes.disbursed", table, OfferOutcomes.MoneyRow::disbursed));
        return new MoneyView(table, json.writeValueAsString(Charts.series(labels, series)));
    }

    private Map<String, Object> moneyBars(
            String key, OfferOutcomes.MoneyTable table, Function<OfferOutcomes.MoneyRow, Money> value) {
        return Charts.bars(
                message(key),
                table.rows().stream().map(r -> value.apply(r).getAmount()).toList());
    }

    /** The agreements ending per month, stacked by what happens at their end. */
    private Map<String, Object> calendarChart(List<OfferOutcomes.CalendarMonth> calendar) {
        var labels = calendar.stream().map(m -> m.month().toString()).toList();
        var series = new ArrayList<Map<String, Object>>();
        for (var state : RenewalState.values()) {
            series.add(Charts.stackedBars(
                    "agreements",
                    message("outcomes.renewal." + state.name()),
                    calendar.stream().map(m -> m.count(state)).toList()));
        }
        return Charts.series(labels, series);
    }

    private Map<String, Object> funnelChart(List<Map.Entry<String, Integer>> stages) {
        return Map.of(
                "tooltip",
                Map.of("trigger", "item"),
                "series",
                List.of(Map.of(
                        "type",
                        "funnel",
                        "sort",
                        "none",
                        "left",
                        "10%",
                        "width",
                        "80%",
                        "label",
                        Map.of("formatter", "{b}: {c}"),
                        "data",
                        stages.stream()
                                .map(s ->
                                        Map.of("name", message("outcomes.stage." + s.getKey()), "value", s.getValue()))
                                .toList())));
    }

    /** A key as shown: segments are the party's own names; the other values and "none" are translated. */
    private String label(Dimension dimension, String key) {
        if (key.isEmpty()) {
            return message("outcomes.none." + dimension.name());
        }
        return dimension == Dimension.SEGMENT ? key : message("outcomes.value." + key);
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
