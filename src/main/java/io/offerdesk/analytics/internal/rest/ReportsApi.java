package io.offerdesk.analytics.internal.rest;

import io.offerdesk.analytics.internal.ReportExports;
import io.offerdesk.analytics.internal.Reports;
import io.offerdesk.analytics.internal.domain.Grouping;
import io.offerdesk.analytics.internal.rest.ReportJson.FeeJson;
import io.offerdesk.analytics.internal.rest.ReportJson.FeeRevenueJson;
import io.offerdesk.analytics.internal.rest.ReportJson.FeeRevenueLineJson;
import io.offerdesk.analytics.internal.rest.ReportJson.FeeRevenueMonthJson;
import io.offerdesk.analytics.internal.rest.ReportJson.FeeStatementJson;
import io.offerdesk.analytics.internal.rest.ReportJson.ReconciliationJson;
import io.offerdesk.analytics.internal.rest.ReportJson.TotalJson;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reconciliation and reports (ADR 0022): billed, credited, collected, fees, clawbacks and disbursed per month, seller,
 * partner, product or payee with each payable's tie-out against the ledger; fee statements; the operator's fee
 * revenue. Months are yyyy-MM (UTC); without a range, the last twelve months. The aging of receivables is
 * {@code /api/v1/finance/revenue}.
 */
@RestController
@Tag(name = "Reports", description = "Reconciliation, fee statements and fee revenue")
class ReportsApi {

    private final Reports reports;
    private final ReportExports exports;

    ReportsApi(Reports reports, ReportExports exports) {
        this.reports = reports;
        this.exports = exports;
    }

    @GetMapping("/api/v1/reports/reconciliation")
    @Operation(
            summary =
                    "Billed vs collected vs disbursed: per row of groupBy (MONTH, SELLER, PARTNER, PRODUCT, PAYEE) and"
                            + " currency, the payees' billed, credited, collected, listing fees, clawbacks, fees returned,"
                            + " disbursed and what stays payable, with totals; and every payable account's tie-out (collected"
                            + " share − fees − clawbacks + fees returned − disbursed = its ledger balance). A seller or"
                            + " partner reads its own figures as payee; the operator everyone's")
    ReconciliationJson reconciliation(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to,
            @RequestParam(defaultValue = "MONTH") Grouping groupBy,
            @RequestParam(required = false) @Nullable UUID sellerPartyId,
            @RequestParam(required = false) @Nullable UUID partnerPartyId,
            @RequestParam(required = false) @Nullable String productId) {
        var months = reports.months(from, to);
        var report = reports.reconciliation(
                me, months.from(), months.to(), groupBy, sellerPartyId, partnerPartyId, productId);
        return ReconciliationJson.of(report, reports.namesFor(groupBy), reports.partyNames());
    }

    @GetMapping(value = "/api/v1/reports/reconciliation.csv", produces = "text/csv")
    @Operation(summary = "The reconciliation report as CSV (RFC 4180): one record per row, then a TOTAL per currency")
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

    @GetMapping("/api/v1/reports/fee-statement")
    @Operation(
            summary = "A seller's listing-fee statement for a month: every fee with its invoice, line, collection and"
                    + " rate, and what credit memos gave back (negative). A seller reads its own; the operator any"
                    + " seller's (sellerPartyId) or all. A channel partner's markup bears no fee")
    FeeStatementJson feeStatement(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth month,
            @RequestParam(required = false) @Nullable UUID sellerPartyId) {
        var statement = reports.feeStatement(me, sellerPartyId, reports.month(month));
        var parties = reports.partyNames();
        var products = reports.productNames();
        return new FeeStatementJson(
                statement.payerPartyId() == null
                        ? null
                        : statement.payerPartyId().toString(),
                statement.month().toString(),
                statement.items().stream()
                        .map(item -> FeeJson.of(item, parties, products))
                        .toList(),
                statement.totals().entrySet().stream()
                        .map(e -> new TotalJson(e.getKey(), ReportExports.plain(e.getValue())))
                        .toList());
    }

    @GetMapping(value = "/api/v1/reports/fee-statement.csv", produces = "text/csv")
    @Operation(summary = "The fee statement as CSV (RFC 4180): one record per fee, then a TOTAL per currency")
    void feeStatementCsv(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth month,
            @RequestParam(required = false) @Nullable UUID sellerPartyId,
            HttpServletResponse response)
            throws IOException {
        var statement = reports.feeStatement(me, sellerPartyId, reports.month(month));
        exports.feeStatement(statement, response);
    }

    @GetMapping("/api/v1/reports/fee-revenue")
    @Operation(
            summary = "The marketplace's listing-fee revenue per month, product type and seller (operator only), and"
                    + " per month beside what the ledger's FEE_REVENUE account took, which it equals")
    FeeRevenueJson feeRevenue(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to) {
        var months = reports.months(from, to);
        var report = reports.feeRevenue(me, months.from(), months.to());
        var parties = reports.partyNames();
        return new FeeRevenueJson(
                report.from().toString(),
                report.to().toString(),
                report.lines().stream()
                        .map(line -> FeeRevenueLineJson.of(line, parties))
                        .toList(),
                report.months().stream().map(FeeRevenueMonthJson::of).toList(),
                report.tiesOut());
    }

    @GetMapping(value = "/api/v1/reports/fee-revenue.csv", produces = "text/csv")
    @Operation(summary = "The fee revenue as CSV (RFC 4180): one record per month, currency, product type and seller")
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
}
