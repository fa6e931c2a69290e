package io.offerdesk.analytics.internal.rest;

import io.offerdesk.analytics.internal.ReportExports;
import io.offerdesk.analytics.internal.Reports;
import io.offerdesk.analytics.internal.domain.FeeRevenue;
import io.offerdesk.analytics.internal.domain.Reconciliation;
import io.offerdesk.invoicing.SettlementFacts.FeeItem;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The reports' JSON; amounts are plain decimal strings of their currency. */
final class ReportJson {

    private ReportJson() {}

    /** @param payable collected − fees − clawed back + fees returned − disbursed */
    record RowJson(
            String key,
            String name,
            String billed,
            String credited,
            String collected,
            String fees,
            String clawedBack,
            String feesReturned,
            String disbursed,
            String payable) {

        static RowJson of(Reconciliation.Row row, String name) {
            return new RowJson(
                    row.key(),
                    name,
                    ReportExports.plain(row.billed()),
                    ReportExports.plain(row.credited()),
                    ReportExports.plain(row.collected()),
                    ReportExports.plain(row.fees()),
                    ReportExports.plain(row.clawedBack()),
                    ReportExports.plain(row.feesReturned()),
                    ReportExports.plain(row.disbursed()),
                    ReportExports.plain(row.payable()));
        }
    }

    record TableJson(String currencyCode, List<RowJson> rows, RowJson total) {}

    /**
     * @param left what collections left on the payable over all time: collected − fees − clawed back + fees returned
     * @param expected left − disbursed: what the payable must hold
     * @param ledgerBalance what the ledger says it holds
     */
    record PayableCheckJson(
            String payeePartyId,
            String payeeName,
            String payeeRole,
            String currencyCode,
            String left,
            String disbursed,
            String expected,
            String ledgerBalance,
            boolean tiesOut) {}

    record ReconciliationJson(
            String from,
            String to,
            String groupBy,
            List<TableJson> currencies,
            List<PayableCheckJson> payableChecks,
            boolean tiesOut) {

        static ReconciliationJson of(
                Reports.ReconciliationReport report, Function<String, String> names, Function<String, String> parties) {
            return new ReconciliationJson(
                    report.from().toString(),
                    report.to().toString(),
                    report.grouping().name(),
                    report.tables().stream()
                            .map(t -> new TableJson(
                                    t.currency().getCode(),
                                    t.rows().stream()
                                            .map(r -> RowJson.of(r, names.apply(r.key())))
                                            .toList(),
                                    RowJson.of(t.total(), "")))
                            .toList(),
                    report.checks().stream()
                            .map(c -> new PayableCheckJson(
                                    c.account().ownerPartyId().toString(),
                                    parties.apply(c.account().ownerPartyId().toString()),
                                    c.account().role().name(),
                                    c.account().currency().getCode(),
                                    ReportExports.plain(c.left()),
                                    ReportExports.plain(c.disbursed()),
                                    ReportExports.plain(c.expected()),
                                    ReportExports.plain(c.balance()),
                                    c.tiesOut()))
                            .toList(),
                    report.checks().stream().allMatch(Reconciliation.PayeeCheck::tiesOut));
        }
    }

    /**
     * @param lineNo the invoice line the fee was charged on; absent for a credit memo's return
     * @param ratePercent the agreement's listing fee rate; absent for a return
     */
    record FeeJson(
            String at,
            String currencyCode,
            String sellerPartyId,
            String sellerName,
            String invoiceId,
            long invoiceNumber,
            @Nullable Integer lineNo,
            String agreementId,
            String productId,
            String productName,
            @Nullable String collectionId,
            @Nullable String creditMemoId,
            String base,
            @Nullable String ratePercent,
            String fee) {

        static FeeJson of(FeeItem item, Function<String, String> parties, Function<String, String> products) {
            return new FeeJson(
                    item.at().toString(),
                    item.currency().getCode(),
                    item.payerPartyId().toString(),
                    parties.apply(item.payerPartyId().toString()),
                    item.invoiceId(),
                    item.invoiceNumber(),
                    item.lineNo(),
                    item.agreementId(),
                    item.productId(),
                    products.apply(item.productId()),
                    item.collectionId(),
                    item.creditMemoId(),
                    ReportExports.plain(item.base()),
                    item.ratePercent() == null
                            ? null
                            : item.ratePercent().stripTrailingZeros().toPlainString(),
                    ReportExports.plain(item.fee()));
        }
    }

    record TotalJson(String currencyCode, String amount) {}

    record FeeStatementJson(
            @Nullable String sellerPartyId, String month, List<FeeJson> items, List<TotalJson> totals) {}

    record FeeRevenueLineJson(
            String month,
            String currencyCode,
            String productType,
            String sellerPartyId,
            String sellerName,
            String amount) {

        static FeeRevenueLineJson of(FeeRevenue.Line line, Function<String, String> parties) {
            return new FeeRevenueLineJson(
                    line.month().toString(),
                    line.currency().getCode(),
                    line.productType(),
                    line.sellerPartyId().toString(),
                    parties.apply(line.sellerPartyId().toString()),
                    ReportExports.plain(line.amount()));
        }
    }

    /** @param ledger what the marketplace's fee revenue account took in that month */
    record FeeRevenueMonthJson(String month, String currencyCode, String fees, String ledger, boolean tiesOut) {

        static FeeRevenueMonthJson of(FeeRevenue.Month month) {
            return new FeeRevenueMonthJson(
                    month.month().toString(),
                    month.currency().getCode(),
                    ReportExports.plain(month.fees()),
                    ReportExports.plain(month.ledger()),
                    month.tiesOut());
        }
    }

    record FeeRevenueJson(
            String from,
            String to,
            List<FeeRevenueLineJson> lines,
            List<FeeRevenueMonthJson> months,
            boolean tiesOut) {}
}
