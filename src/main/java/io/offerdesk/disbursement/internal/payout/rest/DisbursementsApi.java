package io.offerdesk.disbursement.internal.payout.rest;

import io.offerdesk.disbursement.internal.payout.Disbursements;
import io.offerdesk.disbursement.internal.payout.MonthTotal;
import io.offerdesk.disbursement.internal.payout.ReportCsv;
import io.offerdesk.disbursement.internal.payout.RunDay;
import io.offerdesk.disbursement.internal.payout.domain.PayoutReport;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Disbursements for their payees and the operator, their reports, and the operator's failed-transfer actions. */
@RestController
@Tag(
        name = "Disbursements",
        description = "Payouts of collected money to sellers and channel partners, the ledger entries each covers,"
                + " failed transfers and their retries")
class DisbursementsApi {

    record DisbursementsJson(List<DisbursementJson> items) {}

    /**
     * @param amount what the entry added to the payable: negative for a clawback
     */
    record ReportLineJson(
            String entry, String reason, @Nullable String reference, Instant occurredAt, String amount) {}

    /**
     * @param covered the sum of the lines
     * @param reconciles whether the lines sum to the disbursed amount to the cent
     */
    record ReportJson(DisbursementJson disbursement, List<ReportLineJson> lines, String covered, boolean reconciles) {

        static ReportJson of(DisbursementJson disbursement, PayoutReport report) {
            return new ReportJson(
                    disbursement,
                    report.lines().stream()
                            .map(l -> new ReportLineJson(
                                    l.entryKey(),
                                    l.reason(),
                                    l.reference(),
                                    l.occurredAt(),
                                    l.amount().getAmount().toPlainString()))
                            .toList(),
                    report.covered().getAmount().toPlainString(),
                    report.reconciles());
        }
    }

    record FailureBody(@Nullable String reason) {}

    record MonthlyJson(List<MonthTotal> items) {}

    record RunDaysJson(List<RunDay> items) {}

    /**
     * @param paid the payees this run paid
     */
    record RunNowJson(int paid) {}

    private final Disbursements disbursements;

    DisbursementsApi(Disbursements disbursements) {
        this.disbursements = disbursements;
    }

    @GetMapping("/api/v1/disbursements")
    @Operation(summary = "Disbursements, latest first: a payee's own, every payee's for the operator")
    DisbursementsJson list(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        return new DisbursementsJson(disbursements.list(me, status, offset, limit).stream()
                .map(DisbursementJson::of)
                .toList());
    }

    @GetMapping("/api/v1/disbursements/monthly")
    @Operation(summary = "What was paid out per month (UTC) and currency, in minor units; failed transfers left out")
    MonthlyJson monthly(OfferdeskPrincipal me) {
        return new MonthlyJson(disbursements.monthly(me));
    }

    @GetMapping("/api/v1/disbursements/runs")
    @Operation(summary = "The disbursement run's days, latest first: disbursements made, paid and failed (operator)")
    RunDaysJson runs(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        return new RunDaysJson(disbursements.runDays(me, offset, limit));
    }

    @PostMapping("/api/v1/disbursements/runs")
    @Operation(
            summary = "Run today's disbursements now (operator), as the clock does at 00:00 UTC; payees paid today"
                    + " already are not paid again. Answers when the run is done")
    RunNowJson runNow(OfferdeskPrincipal me) {
        return new RunNowJson(disbursements.runNow(me));
    }

    @GetMapping("/api/v1/disbursements/{id}")
    @Operation(summary = "One disbursement")
    DisbursementJson one(OfferdeskPrincipal me, @PathVariable String id) {
        return DisbursementJson.of(disbursements.find(me, id));
    }

    @GetMapping("/api/v1/disbursements/{id}/report")
    @Operation(
            summary = "Every ledger entry the disbursement covers since the payee's previous one (collections, fees,"
                    + " clawbacks, failed payouts given back), each with its invoice; the lines sum to the amount")
    ReportJson report(OfferdeskPrincipal me, @PathVariable String id) {
        var disbursement = disbursements.find(me, id);
        return ReportJson.of(DisbursementJson.of(disbursement), disbursements.report(me, id));
    }

    @GetMapping(value = "/api/v1/disbursements/{id}/report.csv", produces = "text/csv")
    @Operation(summary = "The disbursement's report as CSV (RFC 4180), with the total covered and the amount disbursed")
    void reportCsv(OfferdeskPrincipal me, @PathVariable String id, HttpServletResponse response) throws IOException {
        ReportCsv.download(disbursements.find(me, id), disbursements.report(me, id), response);
    }

    @PostMapping("/api/v1/disbursements/{id}/failure")
    @Operation(
            summary = "Report the transfer failed (operator): the payout is reversed, the amount is payable again and"
                    + " the next run or a retry pays it")
    DisbursementJson fail(OfferdeskPrincipal me, @PathVariable String id, @RequestBody FailureBody body) {
        return DisbursementJson.of(disbursements.markFailed(me, id, body.reason()));
    }

    @PostMapping("/api/v1/disbursements/{id}/retry")
    @Operation(
            summary = "Pay a failed disbursement again now (operator), once: the payee's whole payable balance, which"
                    + " holds the failed amount")
    DisbursementJson retry(OfferdeskPrincipal me, @PathVariable String id) {
        return DisbursementJson.of(disbursements.retry(me, id));
    }
}
