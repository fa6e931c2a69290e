package io.offerdesk.invoicing.internal.web;

import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceLine;
import io.offerdesk.invoicing.InvoiceStatus;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.invoicing.Invoices;
import io.offerdesk.invoicing.internal.InvoiceDocuments;
import io.offerdesk.invoicing.internal.finance.InvoiceExports;
import io.offerdesk.invoicing.internal.finance.InvoiceSearch;
import io.offerdesk.invoicing.internal.finance.InvoiceSummaries;
import io.offerdesk.invoicing.internal.finance.InvoiceSummary;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.PartyKind;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The invoice pages: the buyer's invoices at {@code /buyer/invoices}, the seller's and channel partner's (those it is
 * seller of record of) and the operator's (all) at {@code /seller/invoices}; each with the API's filters, paging and
 * CSV downloads, and one invoice with its lines, balance and credit memos. Another party's invoice is the 404 page; a
 * reader on the other side's path is sent to its own.
 */
@Controller
class InvoicePages {

    static final int PAGE_SIZE = 20;

    /** How many credit memos an invoice's page lists; an invoice has far fewer. */
    static final int CREDIT_MEMOS_SHOWN = 100;

    private final InvoiceSummaries summaries;
    private final InvoiceExports exports;
    private final Invoices invoices;
    private final InvoiceDocuments documents;
    private final FinanceViews views;
    private final Clock clock;

    InvoicePages(
            InvoiceSummaries summaries,
            InvoiceExports exports,
            Invoices invoices,
            InvoiceDocuments documents,
            FinanceViews views,
            Clock clock) {
        this.summaries = summaries;
        this.exports = exports;
        this.invoices = invoices;
        this.documents = documents;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping(FinancePaths.BUYER_INVOICES)
    String buyerInvoices(
            OfferdeskPrincipal me,
            @ModelAttribute("filter") InvoiceSearchForm filter,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        if (me.partyKind() != PartyKind.BUYER) {
            return "redirect:" + filter.href(FinancePaths.SELLER_INVOICES, null);
        }
        list(me, filter, offset, FinancePaths.BUYER_INVOICES, model);
        return "invoicing/finance-invoices";
    }

    @GetMapping(FinancePaths.SELLER_INVOICES)
    String sellerInvoices(
            OfferdeskPrincipal me,
            @ModelAttribute("filter") InvoiceSearchForm filter,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        if (me.partyKind() == PartyKind.BUYER) {
            return "redirect:" + filter.href(FinancePaths.BUYER_INVOICES, null);
        }
        list(me, filter, offset, FinancePaths.SELLER_INVOICES, model);
        return "invoicing/finance-invoices";
    }

    @GetMapping(FinancePaths.BUYER_INVOICES + "/{invoiceId}")
    String buyerInvoice(OfferdeskPrincipal me, @PathVariable String invoiceId, Model model) {
        var invoice = invoices.invoice(me, invoiceId);
        if (me.partyKind() != PartyKind.BUYER) {
            return "redirect:" + FinancePaths.SELLER_INVOICES + "/" + invoice.id();
        }
        detail(me, invoice, FinancePaths.BUYER_INVOICES, model);
        return "invoicing/finance-invoice";
    }

    @GetMapping(FinancePaths.SELLER_INVOICES + "/{invoiceId}")
    String sellerInvoice(OfferdeskPrincipal me, @PathVariable String invoiceId, Model model) {
        var invoice = invoices.invoice(me, invoiceId);
        if (me.partyKind() == PartyKind.BUYER) {
            return "redirect:" + FinancePaths.BUYER_INVOICES + "/" + invoice.id();
        }
        detail(me, invoice, FinancePaths.SELLER_INVOICES, model);
        return "invoicing/finance-invoice";
    }

    @GetMapping({FinancePaths.BUYER_INVOICES + ".csv", FinancePaths.SELLER_INVOICES + ".csv"})
    void invoicesCsv(OfferdeskPrincipal me, InvoiceSearchForm filter, HttpServletResponse response) throws IOException {
        var search = searchOrRefuse(filter, response);
        if (search != null) {
            exports.invoices(me, search, exports.download(response, "invoices"));
        }
    }

    @GetMapping({FinancePaths.BUYER_INVOICES + "/lines.csv", FinancePaths.SELLER_INVOICES + "/lines.csv"})
    void linesCsv(OfferdeskPrincipal me, InvoiceSearchForm filter, HttpServletResponse response) throws IOException {
        var search = searchOrRefuse(filter, response);
        if (search != null) {
            exports.lines(me, search, exports.download(response, "invoice-lines"));
        }
    }

    /** The invoice as its PDF document, for whoever may read it (the API has the same at {@code .../pdf}). */
    @GetMapping({FinancePaths.BUYER_INVOICES + "/{invoiceId}/pdf", FinancePaths.SELLER_INVOICES + "/{invoiceId}/pdf"})
    ResponseEntity<byte[]> pdf(OfferdeskPrincipal me, @PathVariable String invoiceId) {
        var invoice = invoices.invoice(me, invoiceId);
        return documents.response(invoice, ContentDisposition.attachment());
    }

    /** The form's search; or, when the form breaks a rule, the error page (422) sent and nothing. */
    private static @Nullable InvoiceSearch searchOrRefuse(InvoiceSearchForm filter, HttpServletResponse response)
            throws IOException {
        try {
            return filter.toSearch();
        } catch (InvalidInput invalid) {
            response.sendError(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return null;
        }
    }

    private void list(OfferdeskPrincipal me, InvoiceSearchForm filter, int offset, String path, Model model) {
        var from = Math.max(0, offset);
        List<InvoiceSummary> found = List.of();
        var more = false;
        try {
            var page = summaries.page(me, filter.toSearch(), from, PAGE_SIZE);
            found = page.invoices();
            more = page.more();
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
        }
        var sellers = summaries.sellers(me);
        model.addAttribute("invoices", found);
        model.addAttribute("more", more);
        model.addAttribute("offset", from);
        model.addAttribute("path", path);
        model.addAttribute("buyerSide", path.equals(FinancePaths.BUYER_INVOICES));
        model.addAttribute("now", clock.instant());
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("types", InvoiceType.values());
        model.addAttribute("accounts", summaries.accounts(me));
        // A seller or partner is the seller of record of all its invoices: only the others choose one.
        model.addAttribute("sellers", me.partyKind() == PartyKind.BUYER || me.isOperator() ? sellers : List.of());
        model.addAttribute(
                "names",
                views.partyNames(Stream.concat(sellers.stream(), found.stream().map(InvoiceSummary::buyerPartyId))
                        .toList()));
        model.addAttribute("previousHref", from > 0 ? filter.href(path, Math.max(0, from - PAGE_SIZE)) : null);
        model.addAttribute("nextHref", more ? filter.href(path, from + PAGE_SIZE) : null);
        model.addAttribute("invoicesCsv", filter.href(path + ".csv", null));
        model.addAttribute("linesCsv", filter.href(path + "/lines.csv", null));
    }

    private void detail(OfferdeskPrincipal me, Invoice invoice, String path, Model model) {
        var creditMemos = invoice.type() == InvoiceType.INVOICE
                ? summaries
                        .page(me, InvoiceSearch.creditMemosOf(invoice.id()), 0, CREDIT_MEMOS_SHOWN)
                        .invoices()
                : List.<InvoiceSummary>of();
        var parties = new ArrayList<>(List.of(invoice.buyerPartyId(), invoice.sellerPartyId()));
        model.addAttribute("invoice", invoice);
        model.addAttribute("creditMemos", creditMemos);
        model.addAttribute("names", views.partyNames(parties));
        model.addAttribute(
                "products",
                views.productTitles(
                        invoice.lines().stream().map(InvoiceLine::productId).toList()));
        model.addAttribute("path", path);
        model.addAttribute("buyerSide", path.equals(FinancePaths.BUYER_INVOICES));
        // The wholesale part of a resold line is between the partner and the ISV; the buyer never sees it.
        model.addAttribute(
                "showWholesale",
                me.partyKind() != PartyKind.BUYER
                        && invoice.lines().stream().anyMatch(l -> l.wholesaleAmount() != null));
    }
}
