package io.offerdesk.invoicing.internal.finance;

import io.offerdesk.invoicing.internal.InvoicingSettings;
import io.offerdesk.platform.Csv;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.PartyKind;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The CSV exports of invoices and of their lines, for the pages' download buttons and the API alike: what the reader's
 * search finds, newest first, one record per invoice or per line. Column names are English snake case and stay the
 * same in every language, so scripts can rely on them; amounts are plain decimals in the invoice's currency.
 */
@Component
public class InvoiceExports {

    public static final List<String> INVOICE_COLUMNS = List.of(
            "invoice_id",
            "invoice_number",
            "invoice_type",
            "original_invoice_id",
            "invoice_date",
            "issued_at",
            "due_date",
            "status",
            "buyer_account_id",
            "buyer",
            "seller_of_record",
            "invoicing_entity",
            "currency",
            "subtotal",
            "tax",
            "tax_country",
            "tax_rate_percent",
            "total",
            "paid",
            "credited",
            "refunded",
            "open");

    public static final List<String> LINE_COLUMNS = List.of(
            "invoice_id",
            "invoice_number",
            "invoice_type",
            "invoice_date",
            "buyer_account_id",
            "line_no",
            "agreement_id",
            "charge_id",
            "offer_id",
            "product_id",
            "description",
            "purchase_order_reference",
            "currency",
            "amount",
            "tax",
            "allocation_tags");

    /** Only after the other line columns, and never for a buyer: the ISV's part of a resold line. */
    public static final String WHOLESALE_COLUMN = "wholesale_amount";

    private final InvoiceSummaries summaries;
    private final PartyNames parties;
    private final InvoicingSettings settings;
    private final Clock clock;

    InvoiceExports(InvoiceSummaries summaries, PartyNames parties, InvoicingSettings settings, Clock clock) {
        this.summaries = summaries;
        this.parties = parties;
        this.settings = settings;
        this.clock = clock;
    }

    public void invoices(OfferdeskPrincipal me, InvoiceSearch search, Writer out) {
        var csv = new Csv(out).row(INVOICE_COLUMNS);
        var now = clock.instant();
        var names = parties.lookup();
        summaries.each(me, search, invoice -> {
            var status = invoice.status(now);
            csv.row(Arrays.asList(
                    invoice.id(),
                    settings.displayNumber(invoice.number()),
                    invoice.type().name(),
                    invoice.originalInvoiceId(),
                    invoice.invoiceDate(),
                    invoice.issuedAt(),
                    invoice.dueDate(),
                    status == null ? null : status.name(),
                    invoice.buyerAccountId(),
                    names.apply(invoice.buyerPartyId()),
                    names.apply(invoice.sellerPartyId()),
                    invoice.invoicingEntity(),
                    invoice.total().getCurrencyUnit().getCode(),
                    amount(invoice.subtotal()),
                    amount(invoice.tax()),
                    invoice.taxCountry(),
                    percent(invoice.taxRate()),
                    amount(invoice.total()),
                    amount(invoice.paid()),
                    amount(invoice.credited()),
                    amount(invoice.refunded()),
                    amount(invoice.open())));
        });
    }

    /** A usage line's allocation tags as {@code key=value} pairs separated by {@code ;}, empty on other lines. */
    static @Nullable String tags(Map<String, String> tags) {
        return tags.isEmpty()
                ? null
                : tags.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(";"));
    }

    public void lines(OfferdeskPrincipal me, InvoiceSearch search, Writer out) {
        var wholesale = me.partyKind() != PartyKind.BUYER;
        var header = new ArrayList<>(LINE_COLUMNS);
        if (wholesale) {
            header.add(WHOLESALE_COLUMN);
        }
        var csv = new Csv(out).row(header);
        summaries.eachLine(me, search, row -> {
            var invoice = row.invoice();
            var line = row.line();
            var fields = new ArrayList<@Nullable Object>(Arrays.asList(
                    invoice.id(),
                    settings.displayNumber(invoice.number()),
                    invoice.type().name(),
                    invoice.invoiceDate(),
                    invoice.buyerAccountId(),
                    line.lineNo(),
                    line.agreementId(),
                    line.chargeId(),
                    line.offerId(),
                    line.productId(),
                    line.description(),
                    line.purchaseOrderReference(),
                    line.amount().getCurrencyUnit().getCode(),
                    amount(line.amount()),
                    amount(line.tax()),
                    tags(line.allocationTags())));
            if (wholesale) {
                fields.add(line.wholesaleAmount() == null ? null : amount(line.wholesaleAmount()));
            }
            csv.row(fields);
        });
    }

    /**
     * Makes the response a CSV download named {@code <what>-<today>.csv} and returns its writer. UTF-8 without a byte
     * order mark: RFC 4180 readers take it as it is.
     */
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

    private static String amount(Money money) {
        return money.getAmount().toPlainString();
    }

    private static @Nullable String percent(@Nullable BigDecimal rate) {
        return rate == null ? null : rate.stripTrailingZeros().toPlainString();
    }
}
