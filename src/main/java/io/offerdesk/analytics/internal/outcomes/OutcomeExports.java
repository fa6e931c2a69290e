package io.offerdesk.analytics.internal.outcomes;

import io.offerdesk.analytics.internal.ReportExports;
import io.offerdesk.analytics.internal.outcomes.OutcomeStatistics.Stats;
import io.offerdesk.platform.Csv;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The offer analytics as CSV (RFC 4180), with the conventions of {@link ReportExports}: English snake-case columns in
 * every language, amounts as plain decimals of their currency, rates as fractions, days with two decimals, an empty
 * field for a value that does not exist (no segment, no decided offer).
 */
@Component
public class OutcomeExports {

    /** The reports there is a CSV of, by the name in their path. */
    public enum Export {
        FUNNEL,
        OUTCOMES,
        STRATEGY_LIBRARY,
        OFFERS,
        MONEY,
        EDP_CONTRIBUTION,
        RENEWAL_CALENDAR;

        public String pathName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Export of(String pathName) {
            for (var export : values()) {
                if (export.pathName().equals(pathName)) {
                    return export;
                }
            }
            throw new NotFound("analytics-report", pathName);
        }
    }

    static final List<String> STATS_COLUMNS = List.of(
            "released",
            "accepted",
            "lost",
            "open",
            "win_rate",
            "acceptance_rate",
            "median_days_to_accept",
            "mean_days_to_accept");

    private final OfferOutcomes outcomes;
    private final ReportExports exports;

    OutcomeExports(OfferOutcomes outcomes, ReportExports exports) {
        this.outcomes = outcomes;
        this.exports = exports;
    }

    /** Writes the named report of the reader's view for the months as a CSV download. */
    public void write(OfferdeskPrincipal me, String report, YearMonth from, YearMonth to, HttpServletResponse response)
            throws IOException {
        var export = Export.of(report);
        // Read before the response is committed, so that a refusal is still a problem, not half a file.
        switch (export) {
            case FUNNEL, OUTCOMES, STRATEGY_LIBRARY, OFFERS -> {
                var data = outcomes.report(me, from, to);
                var out = exports.download(response, "offer-" + export.pathName());
                var csv = new Csv(out);
                switch (export) {
                    case FUNNEL -> funnel(csv, data.funnel());
                    case OUTCOMES -> byDimension(csv, data);
                    case STRATEGY_LIBRARY -> library(csv, data.library());
                    default -> offers(csv, me, data.offers());
                }
                out.flush();
            }
            case MONEY -> {
                var tables = outcomes.money(me, from, to);
                var out = exports.download(response, "offer-money");
                var csv = new Csv(out).row(List.of("currency", "month", "booked", "billed", "collected", "disbursed"));
                for (var table : tables) {
                    for (var row : table.rows()) {
                        csv.row(money(table.currency().getCode(), row.month().toString(), row));
                    }
                    csv.row(money(table.currency().getCode(), "TOTAL", table.total()));
                }
                out.flush();
            }
            case EDP_CONTRIBUTION -> {
                var months = outcomes.edpContribution(me, from, to);
                var out = exports.download(response, "edp-contribution");
                var csv = new Csv(out).row(List.of("month", "currency", "billed", "counted"));
                for (var c : months) {
                    csv.row(List.of(
                            c.month().toString(),
                            c.billed().getCurrencyUnit().getCode(),
                            ReportExports.plain(c.billed()),
                            ReportExports.plain(c.counted())));
                }
                out.flush();
            }
            case RENEWAL_CALENDAR -> {
                var months = outcomes.renewalCalendar(me);
                var out = exports.download(response, "renewal-calendar");
                var csv = new Csv(out)
                        .row(List.of(
                                "month",
                                "agreement_id",
                                "product_id",
                                "end_time",
                                "currency",
                                "value",
                                "renewal_state",
                                "renewal_offer_id"));
                for (var month : months) {
                    for (var a : month.agreements()) {
                        var fields = new ArrayList<@Nullable Object>();
                        fields.add(month.month().toString());
                        fields.add(a.agreementId());
                        fields.add(a.productId());
                        fields.add(a.endTime().toString());
                        fields.add(a.value().getCurrencyUnit().getCode());
                        fields.add(ReportExports.plain(a.value()));
                        fields.add(a.state().name());
                        fields.add(a.renewalOfferId());
                        csv.row(fields);
                    }
                }
                out.flush();
            }
        }
    }

    private static void funnel(Csv csv, OutcomeStatistics.Funnel funnel) {
        csv.row(List.of("stage", "offers"));
        csv.row(List.of("drafted", funnel.drafted()));
        csv.row(List.of("released", funnel.released()));
        csv.row(List.of("viewed", funnel.viewed()));
        csv.row(List.of("accepted", funnel.accepted()));
        csv.row(List.of("expired", funnel.expired()));
    }

    private static void byDimension(Csv csv, OfferOutcomes.Report report) {
        var header = new ArrayList<@Nullable Object>(List.of("dimension", "key"));
        header.addAll(STATS_COLUMNS);
        csv.row(header);
        report.byDimension().forEach((dimension, all) -> {
            for (var stats : all) {
                var fields = new ArrayList<@Nullable Object>(List.of(dimension.name(), stats.key()));
                fields.addAll(stats(stats));
                csv.row(fields);
            }
        });
    }

    private static void library(Csv csv, List<OutcomeStatistics.Pattern> patterns) {
        var header = new ArrayList<@Nullable Object>(
                List.of("discount_band", "segment", "payment_schedule", "eula_type", "path"));
        header.addAll(STATS_COLUMNS);
        csv.row(header);
        for (var p : patterns) {
            var fields = new ArrayList<@Nullable Object>(
                    List.of(p.discountBand(), p.segment(), p.paymentSchedule(), p.eulaType(), p.path()));
            fields.addAll(stats(p.stats()));
            csv.row(fields);
        }
    }

    private static void offers(Csv csv, OfferdeskPrincipal me, List<OfferOutcome> offers) {
        csv.row(List.of(
                "offer_id",
                "seller_of_record_party_id",
                "resold",
                "product_id",
                "drafted_at",
                "released_at",
                "first_viewed_at",
                "accepted_at",
                "expired_at",
                "payment_schedule",
                "eula_type",
                "path",
                "segment",
                "discount_percent"));
        for (var o : offers) {
            var fields = new ArrayList<@Nullable Object>();
            fields.add(o.offerId());
            fields.add(o.partyId().toString());
            fields.add(!o.partyId().equals(me.partyId()));
            fields.add(o.productId());
            fields.add(text(o.draftedAt()));
            fields.add(text(o.releasedAt()));
            fields.add(text(o.firstViewedAt()));
            fields.add(text(o.acceptedAt()));
            fields.add(text(o.expiredAt()));
            fields.add(o.paymentSchedule());
            fields.add(o.eulaType());
            fields.add(o.path());
            fields.add(o.segment());
            fields.add(plain(o.discountPercent()));
            csv.row(fields);
        }
    }

    static List<@Nullable Object> stats(Stats stats) {
        var fields = new ArrayList<@Nullable Object>();
        fields.add(stats.released());
        fields.add(stats.accepted());
        fields.add(stats.lost());
        fields.add(stats.open());
        fields.add(plain(stats.winRate()));
        fields.add(plain(stats.acceptanceRate()));
        fields.add(plain(stats.medianDaysToAccept()));
        fields.add(plain(stats.meanDaysToAccept()));
        return fields;
    }

    private static List<@Nullable Object> money(String currency, String month, OfferOutcomes.MoneyRow row) {
        return List.of(
                currency,
                month,
                ReportExports.plain(row.booked()),
                ReportExports.plain(row.billed()),
                ReportExports.plain(row.collected()),
                ReportExports.plain(row.disbursed()));
    }

    private static @Nullable String text(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }

    /** A decimal as the JSON has it. */
    public static @Nullable String plain(@Nullable BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
