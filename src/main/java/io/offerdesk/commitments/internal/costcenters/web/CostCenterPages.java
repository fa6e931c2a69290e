package io.offerdesk.commitments.internal.costcenters.web;

import io.offerdesk.commitments.CostCenter;
import io.offerdesk.commitments.CostCenters;
import io.offerdesk.commitments.internal.costcenters.ChargebackExport;
import io.offerdesk.commitments.internal.costcenters.Months;
import io.offerdesk.commitments.internal.costcenters.domain.Chargeback;
import io.offerdesk.platform.Charts;
import io.offerdesk.platform.DashboardChart;
import io.offerdesk.platform.FormSubmission;
import io.offerdesk.platform.NavigationItem;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The buyer's cost-center pages: the cost centers with their agreement assignments and tag mappings (finance users and
 * the marketplace administrator change them), and the monthly chargeback with its chart and CSV download.
 */
@Controller
class CostCenterPages {

    static final String COST_CENTERS = "/buyer/cost-centers";
    static final String CHARGEBACK = "/buyer/chargeback";

    /** One currency's totals with their chart. */
    record CurrencyView(String currency, List<Chargeback.Total> totals, String chart) {}

    private final CostCenters costCenters;
    private final Months months;
    private final MessageSource messages;
    private final JsonMapper json;

    CostCenterPages(CostCenters costCenters, Months months, MessageSource messages, JsonMapper json) {
        this.costCenters = costCenters;
        this.months = months;
        this.messages = messages;
        this.json = json;
    }

    @Bean
    static NavigationItem costCentersNavigation() {
        return new NavigationItem("costCenters.nav", COST_CENTERS, 330, Set.of(PartyKind.BUYER), Set.of());
    }

    @Bean
    static NavigationItem chargebackNavigation() {
        return new NavigationItem("chargeback.nav", CHARGEBACK, 331, Set.of(PartyKind.BUYER), Set.of());
    }

    @GetMapping(COST_CENTERS)
    String costCenters(OfferdeskPrincipal me, Model model) {
        var all = costCenters.costCenters(me);
        model.addAttribute("costCenters", all);
        model.addAttribute("names", names(all));
        model.addAttribute("assignments", costCenters.assignments(me));
        model.addAttribute("mappings", costCenters.tagMappings(me));
        model.addAttribute("writes", me.has(Role.FINANCE) || me.has(Role.MARKETPLACE_ADMIN));
        return "commitments/cost-centers";
    }

    @PostMapping(COST_CENTERS)
    String define(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String name,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:" + COST_CENTERS, () -> {
            costCenters.define(me, code, name);
            return "redirect:" + COST_CENTERS;
        });
    }

    @PostMapping(COST_CENTERS + "/{costCenterId}")
    String rename(
            OfferdeskPrincipal me,
            @PathVariable String costCenterId,
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String name,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:" + COST_CENTERS, () -> {
            costCenters.rename(me, costCenterId, code, name);
            return "redirect:" + COST_CENTERS;
        });
    }

    @PostMapping(COST_CENTERS + "/assignments")
    String assign(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String agreementId,
            @RequestParam(required = false) @Nullable String costCenterId,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:" + COST_CENTERS, () -> {
            if (agreementId == null || agreementId.isBlank()) {
                throw new InvalidInput("agreementId", "validation.required");
            }
            costCenters.assign(me, agreementId.trim(), costCenterId);
            return "redirect:" + COST_CENTERS;
        });
    }

    @PostMapping(COST_CENTERS + "/tag-mappings")
    String mapTag(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable String value,
            @RequestParam(required = false) @Nullable String costCenterId,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:" + COST_CENTERS, () -> {
            costCenters.mapTag(me, key, value, costCenterId);
            return "redirect:" + COST_CENTERS;
        });
    }

    @GetMapping(CHARGEBACK)
    String chargeback(OfferdeskPrincipal me, @RequestParam(required = false) @Nullable String month, Model model) {
        var all = costCenters.costCenters(me);
        var names = names(all);
        try {
            var report = costCenters.chargeback(me, months.parse(month));
            model.addAttribute("report", report);
            model.addAttribute("month", report.month());
            model.addAttribute(
                    "currencies",
                    report.totals().stream()
                            .collect(Collectors.groupingBy(
                                    t -> t.currency().getCode(), java.util.TreeMap::new, Collectors.toList()))
                            .entrySet()
                            .stream()
                            .map(e ->
                                    new CurrencyView(e.getKey(), e.getValue(), chart(e.getKey(), e.getValue(), names)))
                            .toList());
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
            model.addAttribute("report", null);
            model.addAttribute("month", months.parse(null));
            model.addAttribute("currencies", List.of());
        }
        model.addAttribute("names", names);
        return "commitments/chargeback";
    }

    @GetMapping(CHARGEBACK + ".csv")
    void chargebackCsv(
            OfferdeskPrincipal me, @RequestParam(required = false) @Nullable String month, HttpServletResponse response)
            throws IOException {
        ChargebackExport.write(costCenters.chargeback(me, months.parse(month)), costCenters.costCenters(me), response);
    }

    /** The totals per cost center as bars, labelled by code (unassigned by its message). */
    private String chart(String currency, List<Chargeback.Total> totals, Map<String, String> names) {
        var labels = totals.stream()
                .map(t -> t.costCenterId() == null
                        ? messages.getMessage("chargeback.unassigned", null, LocaleContextHolder.getLocale())
                        : names.getOrDefault(t.costCenterId(), t.costCenterId()))
                .toList();
        List<BigDecimal> values =
                totals.stream().map(t -> t.total().getAmount()).toList();
        return json.writeValueAsString(Charts.categories(DashboardChart.Kind.BAR, labels, values, currency));
    }

    private static Map<String, String> names(List<CostCenter> costCenters) {
        return costCenters.stream().collect(Collectors.toMap(CostCenter::id, CostCenter::code, (a, b) -> a));
    }
}
