package io.offerdesk.agreements.internal.web.requests;

import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.CancellationRequests;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.agreements.PaymentRequests;
import io.offerdesk.platform.FormSubmission;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form posts of the cancellation and payment-request fragments, and the buyer's inbox. Each action goes back to
 * the agreement's page of the side that acted ({@code /agreements/{id}} for sellers, {@code /buyer/agreements/{id}}
 * for buyers), or to the inbox when it was taken there, with a refusal shown as flash attributes.
 */
@Controller
class RequestForms {

    static final String INBOX = "/buyer/requests";

    private final Agreements agreements;
    private final CancellationRequests cancellations;
    private final PaymentRequests payments;

    RequestForms(Agreements agreements, CancellationRequests cancellations, PaymentRequests payments) {
        this.agreements = agreements;
        this.cancellations = cancellations;
        this.payments = payments;
    }

    @GetMapping(INBOX)
    String inbox(OfferdeskPrincipal me, Model model) {
        var pending = "PENDING_APPROVAL";
        model.addAttribute(
                "cancellationRequests",
                cancellations
                        .list(
                                me,
                                new CancellationRequests.Filter(PartyType.ACCEPTOR, null, pending),
                                0,
                                CancellationRequests.PAGE_MAX)
                        .requests());
        model.addAttribute(
                "paymentRequests",
                payments.list(
                                me,
                                new PaymentRequests.Filter(PartyType.ACCEPTOR, null, pending),
                                0,
                                PaymentRequests.PAGE_MAX)
                        .requests());
        model.addAttribute("mayDecide", me.has(Role.PROCUREMENT));
        return "agreements/requests";
    }

    @PostMapping("/agreements/{agreementId}/cancel")
    String cancel(OfferdeskPrincipal me, @PathVariable String agreementId, RedirectAttributes redirect) {
        var back = back(me, agreementId, null);
        return FormSubmission.attempt(redirect, back, () -> {
            cancellations.cancel(me, agreementId);
            redirect.addFlashAttribute("requestDone", "requests.done.cancelled");
            return back;
        });
    }

    @PostMapping("/agreements/{agreementId}/cancellation-requests")
    String sendCancellation(
            OfferdeskPrincipal me,
            @PathVariable String agreementId,
            @RequestParam(required = false) @Nullable String reasonCode,
            @RequestParam(required = false) @Nullable String description,
            RedirectAttributes redirect) {
        var back = back(me, agreementId, null);
        return FormSubmission.attempt(redirect, back, () -> {
            cancellations.send(me, agreementId, new CancellationRequests.Send(reasonCode, description));
            redirect.addFlashAttribute("requestDone", "requests.done.sent");
            return back;
        });
    }

    @PostMapping("/cancellation-requests/{requestId}/{action}")
    String decideCancellation(
            OfferdeskPrincipal me,
            @PathVariable String requestId,
            @PathVariable String action,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String from,
            RedirectAttributes redirect) {
        var request = cancellations.request(me, requestId);
        var back = back(me, request.agreementId().value(), from);
        return FormSubmission.attempt(redirect, back, () -> {
            switch (action) {
                case "accept" -> cancellations.accept(me, requestId);
                case "reject" -> cancellations.reject(me, requestId, reason);
                case "withdraw" -> cancellations.withdraw(me, requestId, reason);
                default -> throw new NotFound("action", action);
            }
            redirect.addFlashAttribute("requestDone", "requests.done." + action);
            return back;
        });
    }

    @PostMapping("/agreements/{agreementId}/payment-requests")
    String sendPayment(
            OfferdeskPrincipal me,
            @PathVariable String agreementId,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable String chargeAmount,
            RedirectAttributes redirect) {
        var back = back(me, agreementId, null);
        return FormSubmission.attempt(redirect, back, () -> {
            payments.send(me, agreementId, new PaymentRequests.Send(null, name, description, chargeAmount));
            redirect.addFlashAttribute("requestDone", "requests.done.sent");
            return back;
        });
    }

    @PostMapping("/payment-requests/{requestId}/{action}")
    String decidePayment(
            OfferdeskPrincipal me,
            @PathVariable String requestId,
            @PathVariable String action,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String purchaseOrderReference,
            @RequestParam(required = false) @Nullable String from,
            RedirectAttributes redirect) {
        var request = payments.request(me, requestId);
        var back = back(me, request.agreementId().value(), from);
        return FormSubmission.attempt(redirect, back, () -> {
            switch (action) {
                case "accept" -> payments.accept(me, requestId, purchaseOrderReference);
                case "reject" -> payments.reject(me, requestId, reason);
                case "withdraw" -> payments.withdraw(me, requestId);
                default -> throw new NotFound("action", action);
            }
            redirect.addFlashAttribute("requestDone", "requests.done." + action);
            return back;
        });
    }

    /** The page the action was taken on; an agreement the user may not see answers the 404 page first. */
    private String back(OfferdeskPrincipal me, String agreementId, @Nullable String from) {
        var agreement = agreements.agreement(me, agreementId);
        if ("inbox".equals(from)) {
            return "redirect:" + INBOX;
        }
        var buyer = me.partyKind() == PartyKind.BUYER;
        return "redirect:" + (buyer ? "/buyer/agreements/" : "/agreements/")
                + agreement.id().value();
    }
}
