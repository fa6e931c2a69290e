package io.offerdesk.disbursement.internal.payout;

import io.offerdesk.disbursement.internal.payout.domain.PayoutReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A disbursement report as CSV (RFC 4180: CRLF, fields quoted when they hold a comma, quote or line break): one record
 * per covered ledger entry, then the total covered and the amount disbursed. Every field is a key, code, id, time or
 * amount the system wrote, never user text, so nothing can be read as a spreadsheet formula.
 */
public final class ReportCsv {

    private ReportCsv() {}

    public static void write(Disbursement disbursement, PayoutReport report, Writer out) throws IOException {
        row(out, List.of("disbursement", "entry", "reason", "reference", "occurred_at", "currency", "amount"));
        var currency = report.currency().getCode();
        for (var line : report.lines()) {
            row(
                    out,
                    java.util.Arrays.asList(
                            disbursement.id(),
                            line.entryKey(),
                            line.reason(),
                            line.reference(),
                            line.occurredAt().toString(),
                            currency,
                            line.amount().getAmount().toPlainString()));
        }
        row(
                out,
                java.util.Arrays.asList(
                        disbursement.id(),
                        null,
                        "TOTAL_COVERED",
                        null,
                        null,
                        currency,
                        report.covered().getAmount().toPlainString()));
        row(
                out,
                java.util.Arrays.asList(
                        disbursement.id(),
                        disbursement.ledgerKey(),
                        "DISBURSED",
                        disbursement.id(),
                        disbursement.disbursedAt().toString(),
                        currency,
                        disbursement.amount().getAmount().toPlainString()));
    }

    private static void row(Writer out, List<? extends @Nullable String> fields) throws IOException {
        var quoted = new ArrayList<String>(fields.size());
        for (var field : fields) {
            if (field == null) {
                quoted.add("");
            } else if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
                quoted.add('"' + field.replace("\"", "\"\"") + '"');
            } else {
                quoted.add(field);
            }
        }
        out.write(String.join(",", quoted));
        out.write("\r\n");
    }
}
