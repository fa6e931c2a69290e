package io.offerdesk.disbursement.internal.payout.web;

import io.offerdesk.disbursement.internal.payout.Disbursement;
import io.offerdesk.disbursement.internal.payout.DisbursementPreferences;
import io.offerdesk.disbursement.internal.payout.Disbursements;
import io.offerdesk.disbursement.internal.payout.MonthTotal;
import io.offerdesk.disbursement.internal.payout.ReportCsv;
import io.offerdesk.disbursement.internal.payout.RunDay;
import io.offerdesk.disbursement.internal.payout.domain.BankAccountReference;
import io.offerdesk.disbursement.internal.payout.domain.Frequency;
import io.offerdesk.disbursement.internal.payout.domain.PayoutPreference;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.Charts;
import io.offerdesk.platform.DashboardChart;
import io.offerdesk.platform.FormSubmission;
import io.offerdesk.platform.NavigationItem;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payee's "Disbursements" (list, chart of what was paid per month, preferences, each disbursement's report) and
 * the operator's run days and disbursements with the failed-transfer and retry actions.
 */
@Controller
class DisbursementPages {

    static final int PAGE = 100;

    /** A disbursement's row: the bank account masked, the payee's name. */
    record Row(
            Disbursement disbursement,
            String payeeName,
            @Nullable String bankAccount) {}

    /** A preference with its bank account masked. */
    record PreferenceRow(
            PayoutPreference preference, @Nullable String bankAccount) {}

    /** A run day with its paid amount as a decimal of its currency. */
    record DayRow(RunDay day, String paid) {}

    private final Disbursements disbursements;
    private final DisbursementPreferences preferences;
    private final PartyManagement parties;
    private final JsonMapper json;

    DisbursementPages(
            Disbursements disbursements,
            DisbursementPreferences preferences,
            PartyManagement parties,
            JsonMapper json) {
        this.disbursements = disbursements;
        this.preferences = preferences;
        this.parties = parties;
        this.json = json;
    }

    @Bean
    static NavigationItem disbursementsNavigation() {
        return new NavigationItem(
                "nav.disbursements",
                "/disbursements",
                39,
                Set.of(PartyKind.SELLER, PartyKind.CHANNEL_PARTNER),
                Set.of(Role.ADMIN, Role.FINANCE));
    }

    @Bean
    static NavigationItem operatorDisbursementsNavigation() {
        return new NavigationItem(
                "nav.operatorDisbursements",
                "/operator/disbursements",
                695,
                Set.of(PartyKind.OPERATOR),
                Set.of(Role.OPERATOR_ADMIN));
    }

    @GetMapping("/disbursements")
    String list(OfferdeskPrincipal me, @RequestParam(required = false) @Nullable String status, Model model) {
        model.addAttribute("rows", rows(disbursements.list(me, status, 0, PAGE)));
        model.addAttribute("status", status);
        model.addAttribute("statuses", Disbursement.Status.values());
        model.addAttribute(
                "preferences",
                preferences.of(me).stream()
                        .map(p -> new PreferenceRow(
                                p, p.bankAccount() == null ? null : BankAccountReference.masked(p.bankAccount())))
                        .toList());
        model.addAttribute("frequencies", Frequency.values());
        model.addAttribute("charts", charts(disbursements.monthly(me)));
        return "disbursement/list";
    }

    @PostMapping("/disbursements/preferences")
    String setPreference(
            OfferdeskPrincipal me,
            @RequestParam String currency,
            @RequestParam(required = false) @Nullable String frequency,
            @RequestParam(required = false) @Nullable Integer dayOfMonth,
            @RequestParam(required = false) @Nullable String bankAccount,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(
                redirect, Map.of("currency", currency), "redirect:/disbursements#preferences", () -> {
                    preferences.set(
                            me,
                            currency,
                            frequency,
                            frequency != null && frequency.equals(Frequency.DAILY.name()) ? null : dayOfMonth,
                            bankAccount);
                    redirect.addFlashAttribute("saved", currency);
                    return "redirect:/disbursements#preferences";
                });
    }

    @GetMapping({"/disbursements/{id}", "/operator/disbursements/{id}"})
    String detail(OfferdeskPrincipal me, @PathVariable String id, Model model) {
        var disbursement = disbursements.find(me, id);
        model.addAttribute("row", rows(List.of(disbursement)).getFirst());
        model.addAttribute("report", disbursements.report(me, id));
        model.addAttribute("operator", me.isOperator());
        return "disbursement/detail";
    }

    @GetMapping({"/disbursements/{id}/report.csv", "/operator/disbursements/{id}/report.csv"})
    void reportCsv(OfferdeskPrincipal me, @PathVariable String id, HttpServletResponse response) throws IOException {
        ReportCsv.download(disbursements.find(me, id), disbursements.report(me, id), response);
    }

    @GetMapping("/operator/disbursements")
    String operator(OfferdeskPrincipal me, @RequestParam(required = false) @Nullable String status, Model model) {
        model.addAttribute(
                "days",
                disbursements.runDays(me, 0, 60).stream()
                        .map(d -> new DayRow(
                                d,
                                BigDecimal.valueOf(
                                                d.paidMinor(),
                                                CurrencyUnit.of(d.currency()).getDecimalPlaces())
                                        .toPlainString()))
                        .toList());
        model.addAttribute("rows", rows(disbursements.list(me, status, 0, PAGE)));
        model.addAttribute("status", status);
        model.addAttribute("statuses", Disbursement.Status.values());
        model.addAttribute("charts", charts(disbursements.monthly(me)));
        return "disbursement/operator";
    }

    @PostMapping("/operator/disbursements/runs")
    String runNow(OfferdeskPrincipal me, RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/operator/disbursements", () -> {
            redirect.addFlashAttribute("ranPaid", disbursements.runNow(me));
            return "redirect:/operator/disbursements";
        });
    }

    @PostMapping("/operator/disbursements/{id}/failure")
    String fail(
            OfferdeskPrincipal me,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/operator/disbursements/" + id, () -> {
            disbursements.markFailed(me, id, reason);
            return "redirect:/operator/disbursements/" + id;
        });
    }

    @PostMapping("/operator/disbursements/{id}/retry")
    String retry(OfferdeskPrincipal me, @PathVariable String id, RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/operator/disbursements/" + id, () -> {
            var retry = disbursements.retry(me, id);
            return "redirect:/operator/disbursements/" + retry.id();
        });
    }

    private List<Row> rows(List<Disbursement> found) {
        var names = new HashMap<UUID, String>();
        return found.stream()
                .map(d -> new Row(
                        d,
                        names.computeIfAbsent(
                                d.payee().ownerPartyId(),
                                party -> parties.find(party).map(Party::name).orElse(party.toString())),
                        d.bankAccount() == null ? null : BankAccountReference.masked(d.bankAccount())))
                .toList();
    }

    /** One bar chart per currency of what was paid out per month, as ECharts options in JSON. */
    private Map<String, String> charts(List<MonthTotal> months) {
        var byCurrency = new TreeMap<String, TreeMap<String, BigDecimal>>();
        for (var month : months) {
            var scale = CurrencyUnit.of(month.currency()).getDecimalPlaces();
            byCurrency
                    .computeIfAbsent(month.currency(), c -> new TreeMap<>())
                    .put(month.month(), BigDecimal.valueOf(month.amountMinor(), scale));
        }
        var charts = new TreeMap<String, String>();
        byCurrency.forEach((currency, totals) -> charts.put(
                currency,
                json.writeValueAsString(Charts.categories(
                        DashboardChart.Kind.BAR,
                        List.copyOf(totals.keySet()),
                        List.copyOf(totals.values()),
                        currency))));
        return charts;
    }
}
