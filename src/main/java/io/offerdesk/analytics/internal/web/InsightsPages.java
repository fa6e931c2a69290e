package io.offerdesk.analytics.internal.web;

import io.offerdesk.analytics.internal.Reports;
import io.offerdesk.analytics.internal.domain.SpendBreakdown;
import io.offerdesk.analytics.internal.insights.Insights;
import io.offerdesk.platform.Charts;
import io.offerdesk.platform.DashboardChart;
import io.offerdesk.platform.NavigationItem;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.PartyKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The buyer's procurement insights dashboard: spend by month, product, seller and cost center as charts, agreements
 * ending soon, private offers expiring soon, and the spend commitments' progress (the commitments module's fragment,
 * loaded by htmx).
 */
@Controller
class InsightsPages {

    static final String INSIGHTS = "/buyer/insights";

    /** One currency's breakdown with its charts as ECharts options in JSON. */
    record SpendView(
            SpendBreakdown.Breakdown breakdown,
            String byMonth,
            String byProduct,
            String bySeller,
            @Nullable String byCostCenter) {}

    private final Insights insights;
    private final Reports reports;
    private final MessageSource messages;
    private final JsonMapper json;

    InsightsPages(Insights insights, Reports reports, MessageSource messages, JsonMapper json) {
        this.insights = insights;
        this.reports = reports;
        this.messages = messages;
        this.json = json;
    }

    @Bean
    static NavigationItem insightsNavigation() {
        return new NavigationItem("insights.nav", INSIGHTS, 320, Set.of(PartyKind.BUYER), Set.of());
    }

    @GetMapping(INSIGHTS)
    String insights(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Model model) {
        var products = reports.productNames();
        var parties = reports.partyNames();
        model.addAttribute("products", products);
        try {
            var report = insights.report(me, from, to);
            model.addAttribute("report", report);
            model.addAttribute("from", report.from());
            model.addAttribute("to", report.to());
            model.addAttribute(
                    "views",
                    report.spend().stream()
                            .map(b -> new SpendView(
                                    b,
                                    chart(DashboardChart.Kind.BAR, b.byMonth(), Function.identity(), b),
                                    pie(b.byProduct(), products),
                                    pie(b.bySeller(), parties),
                                    costCenterChart(report, b)))
                            .toList());
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
            var fallback = insights.report(me, null, null);
            model.addAttribute("report", fallback);
            model.addAttribute("from", fallback.from());
            model.addAttribute("to", fallback.to());
            model.addAttribute("views", List.of());
        }
        return "analytics/insights";
    }

    private String chart(
            DashboardChart.Kind kind,
            List<SpendBreakdown.Share> shares,
            Function<String, String> names,
            SpendBreakdown.Breakdown breakdown) {
        List<BigDecimal> values =
                shares.stream().map(s -> s.spend().getAmount()).toList();
        return json.writeValueAsString(Charts.categories(
                kind,
                shares.stream().map(s -> names.apply(s.key())).toList(),
                values,
                breakdown.currency().getCode()));
    }

    private String pie(List<SpendBreakdown.Share> shares, Function<String, String> names) {
        return json.writeValueAsString(Charts.pie(
                shares.stream().map(s -> names.apply(s.key())).toList(),
                shares.stream().map(s -> s.spend().getAmount()).toList()));
    }

    /** The breakdown's currency's spend per cost center, as bars; absent when the organization has none. */
    private @Nullable String costCenterChart(Insights.Report report, SpendBreakdown.Breakdown breakdown) {
        var inCurrency = report.byCostCenter().stream()
                .filter(s -> s.total().getCurrencyUnit().equals(breakdown.currency()))
                .toList();
        if (inCurrency.stream().allMatch(s -> s.costCenterId() == null)) {
            return null;
        }
        var unassigned = messages.getMessage("chargeback.unassigned", null, LocaleContextHolder.getLocale());
        List<BigDecimal> values =
                inCurrency.stream().map(s -> s.total().getAmount()).toList();
        return json.writeValueAsString(Charts.categories(
                DashboardChart.Kind.BAR,
                inCurrency.stream()
                        .map(s -> s.code() == null ? unassigned : s.code())
                        .toList(),
                values,
                breakdown.currency().getCode()));
    }
}
