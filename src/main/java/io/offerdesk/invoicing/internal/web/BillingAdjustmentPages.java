package io.offerdesk.invoicing.internal.web;

import io.offerdesk.invoicing.BillingAdjustmentEntry;
import io.offerdesk.invoicing.BillingAdjustmentRequest;
import io.offerdesk.invoicing.BillingAdjustments;
import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.invoicing.Invoices;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.RandomIds;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seller's billing adjustment pages ({@code /seller/billing-adjustments}: the list with filters, one request, the
 * "Request refund" form) and the adjustments panel of an invoice's page ({@code invoicing/adjustment-fragments ::
 * panel}, loaded by htmx from {@code /invoices/{id}/adjustments}): the invoice's requests and, for its seller of record,
 * the form. A form carries a client token made when it was shown, so sending it twice makes one request.
 */
@Controller
class BillingAdjustmentPages {

    static final String LIST = "/seller/billing-adjustments";
    private static final String PANEL = "invoicing/adjustment-fragments :: adjustments";

    /**
     * What the form needs about the invoice: its agreements with what each may still be credited.
     *
     * @param adjustable per agreement id, in the order of the invoice's lines; empty when the reader may not adjust it
     */
    public record InvoiceView(Invoice invoice, Map<String, Money> adjustable) {

        public boolean mayAdjust() {
            return adjustable.values().stream().anyMatch(Money::isPositive);
        }
    }

    private final BillingAdjustments adjustments;
    private final Invoices invoices;
    private final RandomGenerator random = new SecureRandom();

    BillingAdjustmentPages(BillingAdjustments adjustments, Invoices invoices) {
        this.adjustments = adjustments;
        this.invoices = invoices;
    }

    @GetMapping(LIST)
    String list(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String agreementId,
            @RequestParam(required = false) @Nullable String invoiceId,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        var filter = new BillingAdjustments.Filter(blank(agreementId), blank(status), null, null, blank(invoiceId));
        var page = adjustments.list(me, filter, Math.max(0, offset), BillingAdjustments.PAGE_MAX);
        model.addAttribute("requests", page.requests());
        model.addAttribute("more", page.more());
        model.addAttribute("offset", Math.max(0, offset));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", BillingAdjustmentRequest.Status.values());
        model.addAttribute("mayRequest", adjustments.mayRequest(me));
        return "invoicing/adjustments";
    }

    @GetMapping(LIST + "/new")
    String form(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable String invoiceId,
            @RequestParam(required = false) @Nullable String agreementId,
            Model model) {
        var id = blank(invoiceId);
        model.addAttribute("view", id == null ? null : view(me, invoices.invoice(me, id)));
        model.addAttribute("agreementId", agreementId);
        formModel(model);
        return "invoicing/adjustmentNew";
    }

    @PostMapping(LIST)
    String create(OfferdeskPrincipal me, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        var invoiceId = form.getOrDefault("originalInvoiceId", "");
        var back = "redirect:" + LIST + "/new" + (invoiceId.isBlank() ? "" : "?invoiceId=" + invoiceId);
        try {
            var id = createOne(me, form);
            redirect.addFlashAttribute("requested", true);
            return "redirect:" + LIST + "/" + id;
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("violations", invalid.violations());
        } catch (Conflict conflict) {
            redirect.addFlashAttribute("conflict", conflict);
        }
        redirect.addFlashAttribute("typed", form);
        return back;
    }

    @GetMapping(LIST + "/{requestId}")
    String detail(OfferdeskPrincipal me, @PathVariable String requestId, Model model) {
        model.addAttribute("request", adjustments.request(me, requestId));
        return "invoicing/adjustment";
    }

    @GetMapping("/invoices/{invoiceId}/adjustments")
    String panel(OfferdeskPrincipal me, @PathVariable String invoiceId, Model model) {
        return showPanel(me, invoiceId, model);
    }

    @PostMapping("/invoices/{invoiceId}/adjustments")
    String request(
            OfferdeskPrincipal me,
            @PathVariable String invoiceId,
            @RequestParam Map<String, String> form,
            Model model) {
        var entry = new LinkedHashMap<>(form);
        entry.put("originalInvoiceId", invoiceId);
        try {
            createOne(me, entry);
            model.addAttribute("requested", true);
        } catch (InvalidInput invalid) {
            model.addAttribute("violations", invalid.violations());
            model.addAttribute("typed", form);
        } catch (Conflict conflict) {
            model.addAttribute("conflict", conflict);
            model.addAttribute("typed", form);
        }
        return showPanel(me, invoiceId, model);
    }

    /** The invoice's requests and the form; a buyer reading the invoice gets an empty panel, a stranger 404. */
    private String showPanel(OfferdeskPrincipal me, String invoiceId, Model model) {
        var invoice = invoices.invoice(me, invoiceId);
        var seller = me.partyKind() != PartyKind.BUYER;
        model.addAttribute("shown", seller);
        model.addAttribute("view", view(me, invoice));
        model.addAttribute(
                "requests",
                seller
                        ? adjustments
                                .list(
                                        me,
                                        new BillingAdjustments.Filter(null, null, null, null, invoice.id()),
                                        0,
                                        BillingAdjustments.PAGE_MAX)
                                .requests()
                        : List.of());
        formModel(model);
        return PANEL;
    }

    /** Sends the form as a batch of one; a refused entry comes back as the violations or conflict it met. */
    private String createOne(OfferdeskPrincipal me, Map<String, String> form) {
        var entry = new BillingAdjustmentEntry(
                blank(form.get("agreementId")),
                blank(form.get("originalInvoiceId")),
                blank(form.get("adjustmentAmount")),
                blank(form.get("currencyCode")),
                blank(form.get("adjustmentReasonCode")),
                blank(form.get("clientToken")),
                blank(form.get("description")));
        var batch = adjustments.create(me, List.of(entry));
        if (!batch.errors().isEmpty()) {
            var failure = batch.errors().getFirst();
            if (failure.code() == BillingAdjustments.ErrorCode.RESOURCE_NOT_FOUND_EXCEPTION) {
                throw new NotFound("invoice", String.valueOf(entry.originalInvoiceId()));
            }
            if (failure.code() == BillingAdjustments.ErrorCode.CONFLICT_EXCEPTION) {
                var violation = failure.violations().getFirst();
                throw new Conflict(violation.code(), violation.arguments().toArray());
            }
            throw new InvalidInput(
                    failure.violations().isEmpty()
                            ? List.of(FieldViolation.of("adjustmentAmount", "validation.constraint", failure.code()))
                            : failure.violations());
        }
        return batch.items().getFirst().billingAdjustmentRequestId();
    }

    private InvoiceView view(OfferdeskPrincipal me, Invoice invoice) {
        var adjustable = new LinkedHashMap<String, Money>();
        if (adjustments.mayRequest(me) && invoice.type() == InvoiceType.INVOICE) {
            invoice.agreementIds()
                    .forEach(agreement -> adjustments
                            .adjustable(me, invoice.id(), agreement)
                            .ifPresent(left -> adjustable.put(agreement, left)));
        }
        return new InvoiceView(invoice, adjustable);
    }

    private void formModel(Model model) {
        model.addAttribute("reasonCodes", BillingAdjustmentRequest.ReasonCode.values());
        model.addAttribute("clientToken", RandomIds.of("form-", 24, random));
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
