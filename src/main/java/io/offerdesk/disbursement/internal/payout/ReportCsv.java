package io.offerdesk.disbursement.internal.payout;

import io.offerdesk.disbursement.internal.payout.domain.PayoutReport;
import io.offerdesk.platform.Csv;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A disbursement report as a CSV download ({@code disbursement-<id>.csv}): one record per covered ledger entry, then
 * the total covered and the amount disbursed, for the API and the pages alike.
 */
public final class ReportCsv {

    private ReportCsv() {}

    public static void download(Disbursement disbursement, PayoutReport report, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("disbursement-" + disbursement.id() + ".csv")
                        .build()
                        .toString());
        var csv = new Csv(response.getWriter())
                .row(List.of("disbursement", "entry", "reason", "reference", "occurred_at", "currency", "amount"));
        var currency = report.currency().getCode();
        for (var line : report.lines()) {
            csv.row(Arrays.asList(
                    disbursement.id(),
                    line.entryKey(),
                    line.reason(),
                    line.reference(),
                    line.occurredAt().toString(),
                    currency,
                    line.amount().getAmount().toPlainString()));
        }
        csv.row(Arrays.asList(
                disbursement.id(),
                null,
                "TOTAL_COVERED",
                null,
                null,
                currency,
                report.covered().getAmount().toPlainString()));
        csv.row(List.of(
                disbursement.id(),
                disbursement.ledgerKey(),
                "DISBURSED",
                disbursement.id(),
                disbursement.disbursedAt().toString(),
                currency,
                disbursement.amount().getAmount().toPlainString()));
    }
}
