package io.offerdesk.analytics.internal.web;

import io.offerdesk.analytics.internal.ReportExports;
import io.offerdesk.analytics.internal.Reports;
import io.offerdesk.analytics.internal.domain.FeeRevenue;
import io.offerdesk.analytics.internal.domain.Grouping;
import io.offerdesk.analytics.internal.domain.Reconciliation;
import io.offerdesk.platform.Charts;
import io.offerdesk.platform.NavigationItem;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.joda.money.Money;
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
 * The report pages (ADR 0022): reconciliation with its chart, table and tie-out; fee statements; the operator's fee
 * revenue. Each has its CSV download beside it; the API has the same under {@code /api/v1/reports}.
 */
@Controller
class ReportPages {

    static final String RECONCILIATION = "/reports/reconciliation";
    static final String FEES = "/reports/fees";
    static final String FEE_REVENUE = "/operator/reports/fee-revenue";

    /** One currency's table with its chart as ECharts options in JSON. */
    record TableView(Reconciliation.Table table, String chart) {}

    /** A named option of a filter. */
    record Option(String id, String name) {}

    private final Reports reports;
    private final ReportExports exports;
    private final MessageSource messages;
    private final JsonMapper json;

    ReportPages(Reports reports, ReportExports exports, MessageSource messages, JsonMapper json) {
        this.reports = reports;
        this.exports = exports;
        this.messages = messages;
        this.json = json;
    }

    @Bean
    static NavigationItem payeeReportsNavigation() {
        return new NavigationItem(
                "reports.nav.reconciliation",
                RECONCILIATION,
                40,
                Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER),
                Set.of(Role.ADMIN, Role.FINANCE));
    }

    @Bean
    static NavigationItem sellerFeesNavigation() {
        return new NavigationItem(
                "reports.nav.fees", FEES, 41, Set.of(PartyKind.SELLER), Set.of(Role.ADMIN, Role.FINANCE));
    }

    @Bean
    static NavigationItem operatorReportsNavigation() {
        return new NavigationItem(
                "reports.nav.reconciliation", RECONCILIATION, 696, Set.of(PartyKind.OPERATOR), Set.of());
    }

    @Bean
    static NavigationItem operatorFeeRevenueNavigation() {
        return new NavigationItem("reports.nav.feeRevenue", FEE_REVENUE, 697, Set.of(PartyKind.OPERATOR), Set.of());
    }

    @GetMapping(RECONCILIATION)
    String reconciliation(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to,
            @RequestParam(defaultValue = "MONTH") Grouping groupBy,
            @RequestParam(required = false) @Nullable UUID sellerPartyId,
            @RequestParam(required = false) @Nullable UUID partnerPartyId,
            @RequestParam(required = false) @Nullable String productId,
            Model model) {
        var months = reports.months(from, to);
        var first = months.from();
        var last = months.to();
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("groupBy", groupBy);
        model.addAttribute("groupings", Grouping.values());
        model.addAttribute("sellerPartyId", sellerPartyId);
        model.addAttribute("partnerPartyId", partnerPartyId);
        model.addAttribute("productId", productId);
        try {
            var report = reports.reconciliation(me, first, last, groupBy, sellerPartyId, partnerPartyId, productId);
            var names = reports.namesFor(groupBy);
            var parties = reports.partyNames();
            var products = reports.productNames();
            model.addAttribute(
                    "tables", report.tables().stream().map(t -> view(t, names)).toList());
            model.addAttribute("names", names);
            model.addAttribute("parties", parties);
            model.addAttribute("checks", report.checks());
            model.addAttribute("tiesOut", report.checks().stream().allMatch(Reconciliation.PayeeCheck::tiesOut));
            model.addAttribute("sellers", options(report.options().sellers(), parties));
            model.addAttribute("partners", options(report.options().partners(), parties));
            model.addAttribute("products", options(report.options().products(), products));
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
            model.addAttribute("tables", List.of());
            model.addAttribute("checks", List.of());
            model.addAttribute("tiesOut", true);
            model.addAttribute("sellers", List.of());
            model.addAttribute("partners", List.of());
            model.addAttribute("products", List.of());
        }
        return "analytics/reconciliation";
    }

    @GetMapping(RECONCILIATION + ".csv")
    void reconciliationCsv(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to,
            @RequestParam(defaultValue = "MONTH") Grouping groupBy,
            @RequestParam(required = false) @Nullable UUID sellerPartyId,
            @RequestParam(required = false) @Nullable UUID partnerPartyId,
            @RequestParam(required = false) @Nullable String productId,
            HttpServletResponse response)
            throws IOException {
        var months = reports.months(from, to);
        var report = reports.reconciliation(
                me, months.from(), months.to(), groupBy, sellerPartyId, partnerPartyId, productId);
        exports.reconciliation(report, response);
    }

    @GetMapping(FEES)
    String fees(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth month,
            @RequestParam(required = false) @Nullable UUID sellerPartyId,
            Model model) {
        var statement = reports.feeStatement(me, sellerPartyId, reports.month(month));
        var products = reports.productNames();
        var byProduct = new TreeMap<String, BigDecimal>();
        statement
                .items()
                .forEach(item -> byProduct.merge(
                        products.apply(item.productId()), item.fee().getAmount(), BigDecimal::add));
        model.addAttribute("statement", statement);
        model.addAttribute("parties", reports.partyNames());
        model.addAttribute("products", products);
        model.addAttribute(
                "chart",
                json.writeValueAsString(Charts.pie(List.copyOf(byProduct.keySet()), List.copyOf(byProduct.values()))));
        return "analytics/fees";
    }

    @GetMapping(FEES + ".csv")
    void feesCsv(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth month,
            @RequestParam(required = false) @Nullable UUID sellerPartyId,
            HttpServletResponse response)
            throws IOException {
        var statement = reports.feeStatement(me, sellerPartyId, reports.month(month));
        exports.feeStatement(statement, response);
    }

    @GetMapping(FEE_REVENUE)
    String feeRevenue(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to,
            Model model) {
        var months = reports.months(from, to);
        var first = months.from();
        var last = months.to();
        var report = reports.feeRevenue(me, first, last);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("report", report);
        model.addAttribute("parties", reports.partyNames());
        model.addAttribute("chart", json.writeValueAsString(revenueChart(report)));
        return "analytics/fee-revenue";
    }

    @GetMapping(FEE_REVENUE + ".csv")
    void feeRevenueCsv(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to,
            HttpServletResponse response)
            throws IOException {
        var months = reports.months(from, to);
        var report = reports.feeRevenue(me, months.from(), months.to());
        exports.feeRevenue(report, response);
    }

    /** Billed, collected, fees and disbursed per row, as bars. */
    private TableView view(Reconciliation.Table table, Function<String, String> names) {
        var labels = table.rows().stream()
                .map(r -> r.key().isEmpty() ? message("reports.none") : names.apply(r.key()))
                .toList();
        var series = new ArrayList<Map<String, Object>>();
        series.add(bars("reports.billed", table, Reconciliation.Row::billed));
        series.add(bars("reports.collected", table, Reconciliation.Row::collected));
        series.add(bars("reports.fees", table, Reconciliation.Row::fees));
        series.add(bars("reports.disbursed", table, Reconciliation.Row::disbursed));
        return new TableView(table, json.writeValueAsString(Charts.series(labels, series)));
    }

    private Map<String, Object> bars(
            String key, Reconciliation.Table table, Function<Reconciliation.Row, Money> value) {
        return Charts.bars(
                message(key),
                table.rows().stream().map(r -> value.apply(r).getAmount()).toList());
    }

    /** One stacked bar series per product type over the months. */
    private static Map<String, Object> revenueChart(Reports.FeeRevenueReport report) {
        var months = new TreeSet<String>();
        var byType = new TreeMap<String, Map<String, BigDecimal>>();
        for (FeeRevenue.Line line : report.lines()) {
            months.add(line.month().toString());
            byType.computeIfAbsent(line.productType() + " " + line.currency().getCode(), t -> new TreeMap<>())
                    .merge(line.month().toString(), line.amount().getAmount(), BigDecimal::add);
        }
        var series = new ArrayList<Map<String, Object>>();
        byType.forEach((type, amounts) -> {
            series.add(Charts.stackedBars(
                    "fees",
                    type,
                    months.stream()
                            .map(m -> amounts.getOrDefault(m, BigDecimal.ZERO))
                            .toList()));
        });
        return Charts.series(List.copyOf(months), series);
    }

    private static List<Option> options(List<String> ids, Function<String, String> names) {
        return ids.stream().map(id -> new Option(id, names.apply(id))).toList();
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
