package io.offerdesk.analytics.internal;

import io.offerdesk.analytics.internal.Reports.FeeRevenueReport;
import io.offerdesk.analytics.internal.Reports.FeeStatement;
import io.offerdesk.analytics.internal.Reports.ReconciliationReport;
import io.offerdesk.analytics.internal.domain.Reconciliation;
import io.offerdesk.platform.Csv;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The reports as CSV (RFC 4180), for the API and the pages' download buttons alike. Column names are English snake
 * case in every language, amounts plain decimals of their currency; a report's total is its last record per currency,
 * marked {@code TOTAL}.
 */
@Component
public class ReportExports {

    private final Reports reports;
    private final Clock clock;

    ReportExports(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** Makes the response a CSV download named {@code <what>-<today>.csv} and returns its writer. */
    public Writer download(HttpServletResponse response, String what) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(what + "-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv")
                        .build()
                        .toString());
        return response.getWriter();
    }

    public void reconciliation(ReconciliationReport report, HttpServletResponse response) throws IOException {
        var out = download(response, "reconciliation");
        var names = reports.namesFor(report.grouping());
        var csv = new Csv(out)
                .row(List.of(
                        "currency",
                        report.grouping().name().toLowerCase(Locale.ROOT),
                        "name",
                        "billed",
                        "credited",
                        "collected",
                        "fees",
                        "clawed_back",
                        "fees_returned",
                        "disbursed",
                        "payable"));
        for (var table : report.tables()) {
            for (var row : table.rows()) {
                csv.row(row(table.currency().getCode(), row.key(), names.apply(row.key()), row));
            }
            csv.row(row(table.currency().getCode(), "TOTAL", null, table.total()));
        }
        out.flush();
    }

    public void feeStatement(FeeStatement statement, HttpServletResponse response) throws IOException {
        var out = download(response, "fee-statement-" + statement.month());
        var parties = reports.partyNames();
        var products = reports.productNames();
        var csv = new Csv(out)
                .row(List.of(
                        "at",
                        "currency",
                        "seller_party_id",
                        "seller",
                        "invoice_id",
                        "invoice_number",
                        "line_no",
                        "agreement_id",
                        "product_id",
                        "product",
                        "collection_id",
                        "credit_memo_id",
                        "base",
                        "rate_percent",
                        "fee"));
        for (var item : statement.items()) {
            var fields = new ArrayList<@Nullable Object>();
            fields.add(item.at().toString());
            fields.add(item.currency().getCode());
            fields.add(item.payerPartyId().toString());
            fields.add(parties.apply(item.payerPartyId().toString()));
            fields.add(item.invoiceId());
            fields.add(item.invoiceNumber());
            fields.add(item.lineNo());
            fields.add(item.agreementId());
            fields.add(item.productId());
            fields.add(products.apply(item.productId()));
            fields.add(item.collectionId());
            fields.add(item.creditMemoId());
            fields.add(plain(item.base()));
            fields.add(
                    item.ratePercent() == null
                            ? null
                            : item.ratePercent().stripTrailingZeros().toPlainString());
            fields.add(plain(item.fee()));
            csv.row(fields);
        }
        statement.totals().forEach((code, total) -> {
            var fields = new ArrayList<@Nullable Object>(Collections.nCopies(15, null));
            fields.set(0, "TOTAL");
            fields.set(1, code);
            fields.set(14, plain(total));
            csv.row(fields);
        });
        out.flush();
    }

    public void feeRevenue(FeeRevenueReport report, HttpServletResponse response) throws IOException {
        var out = download(response, "fee-revenue");
        var parties = reports.partyNames();
        var csv = new Csv(out).row(List.of("month", "currency", "product_type", "seller_party_id", "seller", "fees"));
        for (var line : report.lines()) {
            csv.row(List.of(
                    line.month().toString(),
                    line.currency().getCode(),
                    line.productType(),
                    line.sellerPartyId().toString(),
                    parties.apply(line.sellerPartyId().toString()),
                    plain(line.amount())));
        }
        out.flush();
    }

    private static List<@Nullable Object> row(
            String currency, String key, @Nullable String name, Reconciliation.Row row) {
        var fields = new ArrayList<@Nullable Object>();
        fields.add(currency);
        fields.add(key);
        fields.add(name);
        for (var amount : List.of(
                row.billed(),
                row.credited(),
                row.collected(),
                row.fees(),
                row.clawedBack(),
                row.feesReturned(),
                row.disbursed(),
                row.payable())) {
            fields.add(plain(amount));
        }
        return fields;
    }

    public static String plain(Money amount) {
        return amount.getAmount().toPlainString();
    }
}
