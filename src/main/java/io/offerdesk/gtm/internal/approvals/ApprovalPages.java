package io.offerdesk.gtm.internal.approvals;

import io.offerdesk.gtm.OfferApprovals;
import io.offerdesk.gtm.internal.approvals.ApprovalPolicies.ApproverInput;
import io.offerdesk.gtm.internal.approvals.ApprovalPolicies.RuleInput;
import io.offerdesk.gtm.internal.approvals.domain.Condition;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.FormSubmission;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approval pages: the policy editor, the "my approvals" queue, and the fragment the offer page loads with htmx
 * (offers know only its URL) with the offer's required approvals, its request, the decisions and the trail.
 */
@Controller
class ApprovalPages {

    /** How many approvers the policy editor's form offers; the API takes up to {@link ApprovalPolicies#APPROVERS_MAX}. */
    static final int FORM_APPROVERS = 4;

    private final ApprovalPolicies policies;
    private final OfferApprovals approvals;
    private final UserManagement users;

    ApprovalPages(ApprovalPolicies policies, OfferApprovals approvals, UserManagement users) {
        this.policies = policies;
        this.approvals = approvals;
        this.users = users;
    }

    @GetMapping("/approval-policy")
    String policy(OfferdeskPrincipal me, Model model) {
        model.addAttribute("policy", policies.policy(me));
        model.addAttribute(
                "rules",
                policies.policy(me).rules().stream().map(ApprovalsApi::json).toList());
        model.addAttribute("admin", me.has(Role.ADMIN));
        model.addAttribute("roles", ApprovalPolicies.APPROVER_ROLES);
        model.addAttribute("conditionTypes", Condition.TYPES);
        model.addAttribute("users", me.has(Role.ADMIN) ? users.users(me, me.partyId()) : List.of());
        model.addAttribute(
                "approverSlots",
                java.util.stream.IntStream.range(0, FORM_APPROVERS).boxed().toList());
        return "approvals/policy";
    }

    @PostMapping("/approval-policy/settings")
    String settings(
            OfferdeskPrincipal me,
            @RequestParam(required = false) @Nullable Integer stepDueHours,
            @RequestParam(required = false) @Nullable Integer escalationHours,
            RedirectAttributes redirect) {
        return FormSubmission.attempt(redirect, "redirect:/approval-policy", () -> {
            policies.changeSettings(me, stepDueHours, escalationHours);
            return "redirect:/approval-policy";
        });
    }

    @PostMapping("/approval-policy/rules")
    String addRule(OfferdeskPrincipal me, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        var approvers = new ArrayList<ApproverInput>();
        for (int i = 0; i < FORM_APPROVERS; i++) {
            var chosen = params.getOrDefault("approver" + i, "").strip();
            if (chosen.startsWith("role:")) {
                approvers.add(new ApproverInput(chosen.substring("role:".length()), null));
            } else if (chosen.startsWith("user:")) {
                approvers.add(new ApproverInput(null, chosen.substring("user:".length())));
            }
        }
        var input = new RuleInput(
                params.get("name"),
                params.get("condition"),
                blankToNull(params.get("threshold")),
                blankToNull(params.get("currency")),
                params.get("mode"),
                approvers);
        return FormSubmission.attempt(redirect, params, "redirect:/approval-policy", () -> {
            policies.addRule(me, input);
            return "redirect:/approval-policy";
        });
    }

    @PostMapping("/approval-policy/rules/{ruleId}/delete")
    String deleteRule(OfferdeskPrincipal me, @PathVariable String ruleId) {
        policies.deleteRule(me, ruleId);
        return "redirect:/approval-policy";
    }

    @GetMapping("/approvals")
    String queue(OfferdeskPrincipal me, Model model) {
        model.addAttribute("waiting", approvals.waiting(me));
        return "approvals/queue";
    }

    /** The offer page's approvals section. */
    @GetMapping("/offers/{offerId}/approvals")
    String fragment(OfferdeskPrincipal me, @PathVariable String offerId, Model model) {
        var overview = approvals.overview(me, offerId);
        model.addAttribute("overview", overview);
        model.addAttribute("mayRequest", me.has(Role.OFFER_AUTHOR) || me.has(Role.ADMIN));
        model.addAttribute(
                "mine",
                approvals.waiting(me).stream()
                        .filter(w -> w.offerId().equals(overview.offerId()))
                        .map(w -> w.approval().id())
                        .toList());
        return "approvals/offer :: approvals";
    }

    @PostMapping("/offers/{offerId}/approvals/request")
    String request(OfferdeskPrincipal me, @PathVariable String offerId, RedirectAttributes redirect) {
        return onOffer(redirect, "redirect:/offers/" + offerId, () -> approvals.request(me, offerId));
    }

    @PostMapping("/offers/{offerId}/approvals/{approvalId}/{decision:approve|reject}")
    String decide(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @PathVariable String approvalId,
            @PathVariable String decision,
            @RequestParam(required = false) @Nullable String comment,
            @RequestParam(required = false) @Nullable String back,
            RedirectAttributes redirect) {
        // Only the queue sends the user back to itself; anything else returns to the offer.
        var to = "queue".equals(back) ? "redirect:/approvals" : "redirect:/offers/" + offerId;
        return onOffer(redirect, to, () -> {
            if (decision.equals("approve")) {
                approvals.approve(me, offerId, approvalId, blankToNull(comment));
            } else {
                approvals.reject(me, offerId, approvalId, blankToNull(comment));
            }
        });
    }

    /**
     * Runs an action of the offer's approvals section and goes back. The offer page (and the queue) show the flashed
     * {@code violations} above everything else; a conflict (a step not open yet, a request that ended) is shown the
     * same way, naming the approval.
     */
    private static String onOffer(RedirectAttributes redirect, String to, Runnable action) {
        return FormSubmission.attempt(redirect, to, () -> {
            try {
                action.run();
            } catch (Conflict conflict) {
                throw new InvalidInput(List.of(FieldViolation.of(
                        "approval", conflict.code(), conflict.arguments().toArray())));
            }
            return to;
        });
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
