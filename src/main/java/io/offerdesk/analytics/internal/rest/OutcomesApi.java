package io.offerdesk.analytics.internal.rest;

import io.offerdesk.analytics.internal.ReportExports;
import io.offerdesk.analytics.internal.Reports;
import io.offerdesk.analytics.internal.outcomes.OfferOutcome;
import io.offerdesk.analytics.internal.outcomes.OfferOutcomes;
import io.offerdesk.analytics.internal.outcomes.OutcomeExports;
import io.offerdesk.analytics.internal.outcomes.OutcomeStatistics;
import io.offerdesk.analytics.internal.outcomes.OutcomeStatistics.Funnel;
import io.offerdesk.analytics.internal.outcomes.OutcomeStatistics.Stats;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Offer analytics of the caller's seller or channel partner (ADR 0034): the funnel, win rate and time to accept by
 * dimension, the strategy library, booked against billed, collected and disbursed, and the renewal calendar; each as
 * CSV too. Months are yyyy-MM (UTC); without a range, the last twelve months.
 */
@RestController
@Tag(name = "Analytics", description = "Offer funnel, win rates, money and renewals of a seller or channel partner")
class OutcomesApi {

    /** Rates are fractions (0.6667), days decimals; absent when there is nothing to divide. */
    record StatsJson(
            String key,
            int released,
            int accepted,
            int lost,
            int open,
            @Nullable String winRate,
            @Nullable String acceptanceRate,
            @Nullable String medianDaysToAccept,
            @Nullable String meanDaysToAccept) {

        static StatsJson of(Stats s) {
            return new StatsJson(
                    s.key(),
                    s.released(),
                    s.accepted(),
                    s.lost(),
                    s.open(),
                    OutcomeExports.plain(s.winRate()),
                    OutcomeExports.plain(s.acceptanceRate()),
                    OutcomeExports.plain(s.medianDaysToAccept()),
                    OutcomeExports.plain(s.meanDaysToAccept()));
        }
    }

    record PatternJson(
            String discountBand,
            String segment,
            String paymentSchedule,
            String eulaType,
            String path,
            StatsJson stats) {}

    /** {@code resold}: a CPPO a channel partner made of the caller's product (the partner is the seller of record). */
    record OfferJson(
            String offerId,
            UUID sellerOfRecordPartyId,
            boolean resold,
            @Nullable String productId,
            @Nullable Instant draftedAt,
            @Nullable Instant releasedAt,
            @Nullable Instant firstViewedAt,
            @Nullable Instant acceptedAt,
            @Nullable Instant expiredAt,
            @Nullable String paymentSchedule,
            @Nullable String eulaType,
            @Nullable String path,
            @Nullable String segment,
            @Nullable String discountPercent) {

        static OfferJson of(OfferOutcome o, UUID me) {
            return new OfferJson(
                    o.offerId(),
                    o.partyId(),
                    !o.partyId().equals(me),
                    o.productId(),
                    o.draftedAt(),
                    o.releasedAt(),
                    o.firstViewedAt(),
                    o.acceptedAt(),
                    o.expiredAt(),
                    o.paymentSchedule(),
                    o.eulaType(),
                    o.path(),
                    o.segment(),
                    OutcomeExports.plain(o.discountPercent()));
        }
    }

    record OutcomesJson(
            YearMonth from,
            YearMonth to,
            Funnel funnel,
            Map<String, List<StatsJson>> byDimension,
            int strategyLibraryMinSample,
            List<PatternJson> strategyLibrary,
            List<OfferJson> offers) {}

    record MoneyRowJson(String month, String booked, String billed, String collected, String disbursed) {

        static MoneyRowJson of(String month, OfferOutcomes.MoneyRow row) {
            return new MoneyRowJson(
                    month,
                    ReportExports.plain(row.booked()),
                    ReportExports.plain(row.billed()),
                    ReportExports.plain(row.collected()),
                    ReportExports.plain(row.disbursed()));
        }
    }

    record MoneyTableJson(String currencyCode, List<MoneyRowJson> rows, MoneyRowJson total) {}

    record MoneyJson(YearMonth from, YearMonth to, List<MoneyTableJson> currencies) {}

    record ContributionJson(String month, String currencyCode, String billed, String counted) {}

    record EndingJson(
            String agreementId,
            String productId,
            Instant endTime,
            String currencyCode,
            String value,
            String renewalState,
            @Nullable String renewalOfferId) {}

    record CalendarMonthJson(
            String month, long renewsAutomatically, long renewalDrafted, long none, List<EndingJson> agreements) {}

    record CalendarJson(List<CalendarMonthJson> months) {}

    private final OfferOutcomes outcomes;
    private final OutcomeExports exports;
    private final Reports reports;

    OutcomesApi(OfferOutcomes outcomes, OutcomeExports exports, Reports reports) {
        this.outcomes = outcomes;
        this.exports = exports;
        this.reports = reports;
    }

    @GetMapping("/api/v1/analytics/outcomes")
    @Operation(
            summary = "The offers drafted in the months: the funnel (drafted, released, viewed, accepted, expired"
                    + " without acceptance), per discount band, segment, payment schedule, EULA type and path the win"
                    + " rate (accepted ÷ accepted and expired), acceptance rate (accepted ÷ released) and median and mean"
                    + " days from release to acceptance; the strategy library (patterns of at least the minimum sample,"
                    + " best win rate first); and each offer. A seller sees its own offers and the CPPOs of its products"
                    + " (resold); a channel partner its CPPOs")
    OutcomesJson outcomes(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to) {
        var months = reports.months(from, to);
        var report = outcomes.report(me, months.from(), months.to());
        var byDimension = new LinkedHashMap<String, List<StatsJson>>();
        report.byDimension()
                .forEach((dimension, stats) -> byDimension.put(
                        dimension.name(), stats.stream().map(StatsJson::of).toList()));
        return new OutcomesJson(
                report.from(),
                report.to(),
                report.funnel(),
                byDimension,
                OutcomeStatistics.LIBRARY_MIN_SAMPLE,
                report.library().stream()
                        .map(p -> new PatternJson(
                                p.discountBand(),
                                p.segment(),
                                p.paymentSchedule(),
                                p.eulaType(),
                                p.path(),
                                StatsJson.of(p.stats())))
                        .toList(),
                report.offers().stream().map(o -> OfferJson.of(o, me.partyId())).toList());
    }

    @GetMapping("/api/v1/analytics/money")
    @Operation(
            summary = "Per month and currency: booked (the value of agreements accepted from the offers, at the buyer's"
                    + " price) against billed, collected and disbursed (the caller's part as payee, as the reconciliation"
                    + " report has them), with totals")
    MoneyJson money(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to) {
        var months = reports.months(from, to);
        var tables = outcomes.money(me, months.from(), months.to());
        return new MoneyJson(
                months.from(),
                months.to(),
                tables.stream()
                        .map(t -> new MoneyTableJson(
                                t.currency().getCode(),
                                t.rows().stream()
                                        .map(r -> MoneyRowJson.of(r.month().toString(), r))
                                        .toList(),
                                MoneyRowJson.of("TOTAL", t.total())))
                        .toList());
    }

    @GetMapping("/api/v1/analytics/edp-contribution")
    @Operation(
            summary = "EDP contribution per month (by invoice date) and currency: what buyers were billed on the"
                    + " agreements of the caller's offers (credit memos deducted) and how much of it counted toward their"
                    + " spend commitments (eligible product and type, inside a contract year, before the buyer's share"
                    + " cap, which applies to all its sellers together)")
    List<ContributionJson> edpContribution(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to) {
        var months = reports.months(from, to);
        return outcomes.edpContribution(me, months.from(), months.to()).stream()
                .map(c -> new ContributionJson(
                        c.month().toString(),
                        c.billed().getCurrencyUnit().getCode(),
                        ReportExports.plain(c.billed()),
                        ReportExports.plain(c.counted())))
                .toList();
    }

    @GetMapping("/api/v1/analytics/renewal-calendar")
    @Operation(
            summary = "The active agreements ending from now to the end of the twelfth month after this one, by month,"
                    + " each with what happens at its end: RENEWS_AUTOMATICALLY, RENEWAL_DRAFTED (with the draft's offer)"
                    + " or NONE")
    CalendarJson renewalCalendar(OfferdeskPrincipal me) {
        return new CalendarJson(outcomes.renewalCalendar(me).stream()
                .map(m -> new CalendarMonthJson(
                        m.month().toString(),
                        m.count(OfferOutcomes.RenewalState.RENEWS_AUTOMATICALLY),
                        m.count(OfferOutcomes.RenewalState.RENEWAL_DRAFTED),
                        m.count(OfferOutcomes.RenewalState.NONE),
                        m.agreements().stream()
                                .map(a -> new EndingJson(
                                        a.agreementId(),
                                        a.productId(),
                                        a.endTime(),
                                        a.value().getCurrencyUnit().getCode(),
                                        ReportExports.plain(a.value()),
                                        a.state().name(),
                                        a.renewalOfferId()))
                                .toList()))
                .toList());
    }

    @GetMapping(value = "/api/v1/analytics/{report}.csv", produces = "text/csv")
    @Operation(
            summary = "A report as CSV (RFC 4180): funnel, outcomes (per dimension), strategy-library, offers, money,"
                    + " edp-contribution or renewal-calendar")
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
}
