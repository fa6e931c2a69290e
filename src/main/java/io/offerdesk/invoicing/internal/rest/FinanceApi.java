package io.offerdesk.invoicing.internal.rest;

import io.offerdesk.agreements.Agreements;
import io.offerdesk.invoicing.InvoiceStatus;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.invoicing.Invoices;
import io.offerdesk.invoicing.internal.InvoicingSettings;
import io.offerdesk.invoicing.internal.finance.AgreementLineItems;
import io.offerdesk.invoicing.internal.finance.InvoiceExports;
import io.offerdesk.invoicing.internal.finance.InvoiceSearch;
import io.offerdesk.invoicing.internal.finance.InvoiceSummaries;
import io.offerdesk.invoicing.internal.finance.InvoiceSummary;
import io.offerdesk.invoicing.internal.finance.LineItemSearch;
import io.offerdesk.invoicing.internal.finance.PartyNames;
import io.offerdesk.invoicing.internal.finance.RevenueFigures;
import io.offerdesk.invoicing.internal.rest.FinanceJson.CurrencyRevenueJson;
import io.offerdesk.invoicing.internal.rest.FinanceJson.InvoiceDetailJson;
import io.offerdesk.invoicing.internal.rest.FinanceJson.InvoiceJson;
import io.offerdesk.invoicing.internal.rest.FinanceJson.InvoicePageJson;
import io.offerdesk.invoicing.internal.rest.FinanceJson.LineItemGroupJson;
import io.offerdesk.invoicing.internal.rest.FinanceJson.LineItemGroupsJson;
import io.offerdesk.invoicing.internal.rest.FinanceJson.RevenueJson;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Validations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices for their readers: a buyer its own, a seller or channel partner those it is seller of record of, the
 * operator all; the same lists as CSV; and an agreement's invoice line items grouped by invoice
 * (ListAgreementInvoiceLineItems). Another party's invoice or agreement is not found (404).
 */
@RestController
@Tag(name = "Invoices", description = "Invoices and credit memos")
class FinanceApi {

    /** AWS's {@code MaxResults} for ListAgreementInvoiceLineItems. */
    static final int LINE_ITEMS_MAX = 50;

    private final InvoiceSummaries summaries;
    private final InvoiceExports exports;
    private final Invoices invoices;
    private final AgreementLineItems lineItems;
    private final Agreements agreements;
    private final PartyNames parties;
    private final RevenueFigures revenue;
    private final InvoicingSettings settings;
    private final Clock clock;

    FinanceApi(
            InvoiceSummaries summaries,
            InvoiceExports exports,
            Invoices invoices,
            AgreementLineItems lineItems,
            Agreements agreements,
            PartyNames parties,
            RevenueFigures revenue,
            InvoicingSettings settings,
            Clock clock) {
        this.summaries = summaries;
        this.exports = exports;
        this.invoices = invoices;
        this.lineItems = lineItems;
        this.agreements = agreements;
        this.parties = parties;
        this.revenue = revenue;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/api/v1/invoices")
    @Operation(
            summary = "The caller's invoices and credit memos, newest first, with their balance and status: a buyer's"
                    + " own, those a seller or channel partner is seller of record of, all for the operator")
    InvoicePageJson list(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable InvoiceStatus status,
            @RequestParam(required = false) @Nullable String buyerAccountId,
            @RequestParam(required = false) @Nullable UUID sellerPartyId,
            @RequestParam(required = false) @Nullable InvoiceType type,
            @RequestParam(required = false) @Nullable LocalDate issuedFrom,
            @RequestParam(required = false) @Nullable LocalDate issuedTo,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit) {
        Validations.checkPage(offset, limit, Invoices.PAGE_MAX);
        var search = new InvoiceSearch(status, buyerAccountId, sellerPartyId, type, issuedFrom, issuedTo, null);
        var page = summaries.page(me, search, offset, limit);
        var now = clock.instant();
        var names = parties.lookup();
        return new InvoicePageJson(
                page.invoices().stream()
                        .map(invoice -> json(invoice, now, names))
                        .toList(),
                page.more());
    }

    @GetMapping("/api/v1/invoices/{invoiceId}")
    @Operation(summary = "One invoice or credit memo with its lines, balance, status and the credit memos against it")
    InvoiceDetailJson one(OfferdeskPrincipal me, @PathVariable String invoiceId) {
        var invoice = invoices.invoice(me, invoiceId);
        var summary = summaries.find(me, invoiceId).orElseThrow(() -> new NotFound("invoice", invoiceId));
        var creditMemos = invoice.type() == InvoiceType.INVOICE
                ? summaries.page(me, InvoiceSearch.creditMemosOf(invoiceId), 0, Invoices.PAGE_MAX).invoices().stream()
                        .map(InvoiceSummary::id)
                        .toList()
                : List.<String>of();
        return InvoiceDetailJson.of(
                json(summary, clock.instant(), parties.lookup()),
                invoice,
                me.partyKind() != PartyKind.BUYER,
                creditMemos);
    }

    @GetMapping(value = "/api/v1/invoices.csv", produces = "text/csv")
    @Operation(
            summary = "The caller's invoices and credit memos as CSV (RFC 4180), with the filters of the list; one"
                    + " record per invoice")
    void invoicesCsv(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable InvoiceStatus status,
            @RequestParam(required = false) @Nullable String buyerAccountId,
            @RequestParam(required = false) @Nullable UUID sellerPartyId,
            @RequestParam(required = false) @Nullable InvoiceType type,
            @RequestParam(required = false) @Nullable LocalDate issuedFrom,
            @RequestParam(required = false) @Nullable LocalDate issuedTo,
            HttpServletResponse response)
            throws IOException {
        var search = new InvoiceSearch(status, buyerAccountId, sellerPartyId, type, issuedFrom, issuedTo, null);
        exports.invoices(me, search, exports.download(response, "invoices"));
    }

    @GetMapping(value = "/api/v1/invoice-lines.csv", produces = "text/csv")
    @Operation(
            summary = "The lines of the caller's invoices and credit memos as CSV (RFC 4180), with the filters of the"
                    + " invoice list; one record per line. Sellers of record also get each resold line's wholesale"
                    + " amount")
    void linesCsv(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable InvoiceStatus status,
            @RequestParam(required = false) @Nullable String buyerAccountId,
            @RequestParam(required = false) @Nullable UUID sellerPartyId,
            @RequestParam(required = false) @Nullable InvoiceType type,
            @RequestParam(required = false) @Nullable LocalDate issuedFrom,
            @RequestParam(required = false) @Nullable LocalDate issuedTo,
            HttpServletResponse response)
            throws IOException {
        var search = new InvoiceSearch(status, buyerAccountId, sellerPartyId, type, issuedFrom, issuedTo, null);
        exports.lines(me, search, exports.download(response, "invoice-lines"));
    }

    @GetMapping("/api/v1/agreements/{agreementId}/invoice-line-items")
    @Operation(
            summary = "The agreement's invoice line items grouped by invoice (ListAgreementInvoiceLineItems): for its"
                    + " seller of record, the publisher of a resold product (wholesale amounts), its buyer and the"
                    + " operator")
    LineItemGroupsJson lineItems(
            OfferdeskPrincipal me,
            @PathVariable String agreementId,
            @RequestParam(defaultValue = "INVOICE_ID") String groupBy,
            @RequestParam(required = false) @Nullable String invoiceId,
            @RequestParam(required = false) @Nullable InvoiceType invoiceType,
            @RequestParam(required = false) @Nullable Integer billingPeriodMonth,
            @RequestParam(required = false) @Nullable Integer billingPeriodYear,
            @RequestParam(required = false) @Nullable Instant afterIssuedTime,
            @RequestParam(required = false) @Nullable Instant beforeIssuedTime,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        var agreement = agreements.agreement(me, agreementId);
        if (!groupBy.equals("INVOICE_ID")) {
            throw new InvalidInput("groupBy", "finance.groupBy");
        }
        Validations.checkPage(offset, limit, LINE_ITEMS_MAX);
        var search = new LineItemSearch(
                invoiceId,
                invoiceType,
                LineItemSearch.billingPeriod(billingPeriodMonth, billingPeriodYear),
                afterIssuedTime,
                beforeIssuedTime);
        var page = lineItems.groups(me, agreement, search, offset, limit);
        return new LineItemGroupsJson(
                page.groups().stream().map(LineItemGroupJson::of).toList(), page.more());
    }

    @GetMapping("/api/v1/finance/revenue")
    @Operation(
            summary =
                    "Billed revenue and receivables by month (UTC) for sellers and channel partners (their invoices as"
                            + " seller of record) and the operator (all): billed, credited, collected, open at each month's"
                            + " end, open today by age, and for an ISV the wholesale part of its products resold by partners."
                            + " Amounts include tax; one series per currency; from and to as yyyy-MM, the last twelve months"
                            + " by default")
    RevenueJson revenue(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable YearMonth from,
            @RequestParam(required = false) @Nullable YearMonth to) {
        if (me.partyKind() == PartyKind.BUYER) {
            throw new AccessDeniedException("revenue is the sellers' and the operator's");
        }
        var last = to != null ? to : YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        var first = from != null ? from : last.minusMonths(11);
        return new RevenueJson(
                first.toString(),
                last.toString(),
                revenue.report(me, first, last).stream()
                        .map(CurrencyRevenueJson::of)
                        .toList());
    }

    private InvoiceJson json(InvoiceSummary invoice, Instant now, Function<UUID, String> names) {
        return InvoiceJson.of(invoice, invoice.status(now), settings::displayNumber, names);
    }
}
