package io.offerdesk.invoicing.internal.web;

import io.offerdesk.invoicing.internal.domain.Receivables;
import io.offerdesk.invoicing.internal.finance.RevenueFigures;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.PartyKind;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Billed revenue and receivables for sellers, channel partners and the operator: per currency, a chart of billed,
 * credited and collected by month with what was open at each month's end, what is open today by age, and the figures
 * as a table. The API has the same at {@code /api/v1/finance/revenue}. A buyer is sent to its invoices.
 */
@Controller
class RevenuePages {

    /** One currency on the page: its figures and its two charts as ECharts options in JSON. */
    record CurrencyView(RevenueFigures.Report report, String monthlyChart, String agingChart) {

        public List<Receivables.Month> months() {
            return report.months();
        }
    }

    private final RevenueFigures figures;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    RevenuePages(RevenueFigures figures, MessageSource messages, JsonMapper json, Clock clock) {
        this.figures = figures;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(FinancePaths.REVENUE)
    String revenue(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to,
            Model model) {
        if (me.partyKind() == PartyKind.BUYER) {
            return "redirect:" + FinancePaths.BUYER_INVOICES;
        }
        var last = to != null ? to : YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        var first = from != null ? from : last.minusMonths(11);
        var resold = me.partyKind() == PartyKind.SELLER;
        List<CurrencyView> currencies = List.of();
        try {
            currencies = figures.report(me, first, last).stream()
                    .map(report -> view(report, resold))
                    .toList();
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
        }
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("currencies", currencies);
        model.addAttribute("resold", resold);
        return "invoicing/finance-revenue";
    }

    private CurrencyView view(RevenueFigures.Report report, boolean resold) {
        var names = new RevenueCharts.Names(
                message("finance.revenue.billed"),
                message("finance.revenue.credited"),
                message("finance.revenue.collected"),
                message("finance.revenue.openAtEnd"),
                message("finance.revenue.resoldWholesale"));
        return new CurrencyView(
                report,
                json.writeValueAsString(RevenueCharts.monthly(report.months(), names, resold)),
                json.writeValueAsString(RevenueCharts.aging(
                        report.currency(), report.aging(), bucket -> message("finance.aging." + bucket))));
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
