package io.offerdesk.commitments.internal.costcenters;

import io.offerdesk.commitments.CostCenter;
import io.offerdesk.commitments.internal.costcenters.domain.Chargeback;
import io.offerdesk.platform.Csv;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The chargeback as CSV (RFC 4180), for the API and the page's download alike: one record per invoice line with its
 * cost center, then one {@code TOTAL} record per cost center and currency. Column names are English snake case in every
 * language; amounts are plain decimals of their currency.
 */
public final class ChargebackExport {

    private ChargebackExport() {}

    public static void write(Chargeback.Report report, List<CostCenter> costCenters, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("chargeback-" + report.month() + ".csv")
                        .build()
                        .toString());
        var byId = new TreeMap<String, CostCenter>();
        costCenters.forEach(c -> byId.put(c.id(), c));
        var csv = new Csv(response.getWriter())
                .row(List.of(
                        "record",
                        "cost_center_code",
                        "cost_center_name",
                        "basis",
                        "invoice_number",
                        "line_no",
                        "agreement_id",
                        "product_id",
                        "description",
                        "allocation_tags",
                        "currency",
                        "amount",
                        "tax",
                        "total"));
        for (var allocated : report.lines()) {
            var line = allocated.line();
            var costCenter = allocated.costCenterId() == null ? null : byId.get(allocated.costCenterId());
            csv.row(fields(
                    "LINE",
                    costCenter,
                    allocated.basis().name(),
                    line.invoiceNumber(),
                    Integer.toString(line.lineNo()),
                    line.agreementId(),
                    line.productId(),
                    line.description(),
                    tags(line.allocationTags()),
                    line.amount().getCurrencyUnit().getCode(),
                    line.amount().getAmount().toPlainString(),
                    line.tax().getAmount().toPlainString(),
                    line.total().getAmount().toPlainString()));
        }
        for (var total : report.totals()) {
            var costCenter = total.costCenterId() == null ? null : byId.get(total.costCenterId());
            csv.row(fields(
                    "TOTAL",
                    costCenter,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    total.currency().getCode(),
                    total.byAgreement().plus(total.allocatedUsage()).getAmount().toPlainString(),
                    total.tax().getAmount().toPlainString(),
                    total.total().getAmount().toPlainString()));
        }
        response.getWriter().flush();
    }

    private static List<String> fields(String record, @Nullable CostCenter costCenter, String... rest) {
        var fields = new ArrayList<String>();
        fields.add(record);
        fields.add(costCenter == null ? "" : costCenter.code());
        fields.add(costCenter == null ? "UNASSIGNED" : costCenter.name());
        fields.addAll(List.of(rest));
        return fields;
    }

    static String tags(Map<String, String> tags) {
        var text = new StringBuilder();
        new TreeMap<>(tags)
                .forEach((k, v) -> text.append(text.isEmpty() ? "" : ";")
                        .append(k)
                        .append('=')
                        .append(v));
        return text.toString();
    }
}
