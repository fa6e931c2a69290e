package io.offerdesk.invoicing.internal.web;

import io.offerdesk.invoicing.Collections;
import io.offerdesk.invoicing.Invoices;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.PartyKind;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The collections panel of an invoice's detail page ({@code invoicing/payment-fragments :: panel}): status, open
 * amount, payments, credit applied and reminders; the operator or a finance user of the buyer records a payment there,
 * and the finance user pays with one click in simulation mode. The forms post with htmx and get the panel back, with the violations next to the fields.
 * Whoever may not read the invoice gets the 404 page.
 */
@Controller
class PaymentPages {

    private static final String PANEL = "invoicing/payment-fragments :: collection";

    private final Invoices invoices;
    private final Collections collections;

    PaymentPages(Invoices invoices, Collections collections) {
        this.invoices = invoices;
        this.collections = collections;
    }

    @GetMapping("/invoices/{invoiceId}/collection")
    String panel(OfferdeskPrincipal me, @PathVariable String invoiceId, Model model) {
        return panel(me, invoiceId, model, null, Map.of());
    }

    @PostMapping("/invoices/{invoiceId}/payments")
    String record(
            OfferdeskPrincipal me,
            @PathVariable String invoiceId,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String currencyCode,
            @RequestParam(required = false) @Nullable String reference,
            Model model) {
        var typed = Map.of("amount", amount == null ? "" : amount, "reference", reference == null ? "" : reference);
        return panel(
                me,
                invoiceId,
                model,
                () -> collections.recordPayment(me, invoiceId, amount, currencyCode, reference),
                typed);
    }

    @PostMapping("/invoices/{invoiceId}/pay")
    String pay(OfferdeskPrincipal me, @PathVariable String invoiceId, Model model) {
        return panel(me, invoiceId, model, () -> collections.pay(me, invoiceId), Map.of());
    }

    /** Runs the action, if any, and renders the panel; a rejected action shows why and leaves what was typed. */
    private String panel(
            OfferdeskPrincipal me,
            String invoiceId,
            Model model,
            @Nullable Runnable action,
            Map<String, String> typed) {
        var invoice = invoices.invoice(me, invoiceId);
        if (action != null) {
            try {
                action.run();
                model.addAttribute("recorded", true);
            } catch (InvalidInput invalid) {
                model.addAttribute("violations", invalid.violations());
                model.addAttribute("typed", typed);
            } catch (Conflict conflict) {
                model.addAttribute("conflict", conflict);
                model.addAttribute("typed", typed);
            }
        }
        model.addAttribute("invoice", invoice);
        model.addAttribute("standing", collections.standing(invoice.id()));
        model.addAttribute("payments", collections.payments(me, invoice.id()));
        model.addAttribute("creditsApplied", collections.creditsApplied(me, invoice.id()));
        model.addAttribute("reminders", collections.reminders(me, invoice.id()));
        var mayPay = collections.mayPay(me, invoice);
        // Whoever may pay records payments here as in the API; the buyer's finance users also get "Pay" in simulation.
        model.addAttribute("mayRecord", mayPay);
        model.addAttribute("mayPay", mayPay && me.partyKind() == PartyKind.BUYER && collections.simulation());
        model.addAttribute("credit", me.partyKind() == PartyKind.BUYER ? collections.creditBalance(me) : List.of());
        return PANEL;
    }
}
