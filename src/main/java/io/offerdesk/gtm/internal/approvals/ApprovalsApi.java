package io.offerdesk.gtm.internal.approvals;

import io.offerdesk.gtm.ApprovalRequest;
import io.offerdesk.gtm.ApprovalTrailEntry;
import io.offerdesk.gtm.OfferApprovals;
import io.offerdesk.gtm.internal.approvals.ApprovalPolicies.RuleInput;
import io.offerdesk.gtm.internal.approvals.domain.ApprovalPolicy;
import io.offerdesk.gtm.internal.approvals.domain.ApprovalRule;
import io.offerdesk.gtm.internal.approvals.domain.Condition;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Approval policies (rules and deadlines), an offer's approvals, and the approvals waiting for the caller. */
@RestController
@Tag(name = "Approvals", description = "Approval workflows: policies, requests, approvals and the trail on an offer")
class ApprovalsApi {

    record SettingsRequest(
            @Nullable Integer stepDueHours, @Nullable Integer escalationHours) {}

    record ApproverJson(@Nullable String role, @Nullable String userId, String label) {}

    /**
     * @param condition DISCOUNT (threshold: percent off list price, at least), CONTRACT_VALUE (threshold: amount in
     *     currency, at least), CUSTOM_EULA, CHANGED_CLAUSES (the template's EULA replaces or adds clauses),
     *     MISSING_EVIDENCE (a risk checklist item lacks evidence or sign-off) (these three without threshold), BACK_LOADED (threshold: factor of a later installment over
     *     the first, at least), MARGIN_BELOW (threshold: CPPO markup percent, below), RENEWAL_GAP (threshold: days
     *     uncovered after the replaced agreement, at least)
     * @param mode SEQUENTIAL (one step per approver, in order) or PARALLEL (one step for all)
     */
    record RuleJson(
            String id,
            String name,
            String condition,
            @Nullable BigDecimal threshold,
            @Nullable String currency,
            String mode,
            List<ApproverJson> approvers) {}

    record PolicyJson(int stepDueHours, int escalationHours, List<RuleJson> rules) {}

    record CommentRequest(@Nullable String comment) {}

    record WaitingJson(List<OfferApprovals.Waiting> approvals) {}

    record OverviewJson(
            String offerId,
            long offerRevision,
            boolean draft,
            List<String> required,
            @Nullable ApprovalRequest latest,
            boolean releasable,
            List<ApprovalTrailEntry> trail) {}

    private final ApprovalPolicies policies;
    private final OfferApprovals approvals;

    ApprovalsApi(ApprovalPolicies policies, OfferApprovals approvals) {
        this.policies = policies;
        this.approvals = approvals;
    }

    @GetMapping("/api/v1/approval-policies")
    @Operation(summary = "The caller's party's approval policy: step deadlines and rules")
    PolicyJson policy(OfferdeskPrincipal me) {
        return json(policies.policy(me));
    }

    @PutMapping("/api/v1/approval-policies")
    @Operation(summary = "Set how many hours a step has before its approvers are reminded, and the escalation after")
    PolicyJson changeSettings(OfferdeskPrincipal me, @RequestBody SettingsRequest request) {
        return json(policies.changeSettings(me, request.stepDueHours(), request.escalationHours()));
    }

    @PostMapping("/api/v1/approval-policies/rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a rule: a condition on drafts and the approvers it requires")
    RuleJson addRule(OfferdeskPrincipal me, @RequestBody RuleInput request) {
        return json(policies.addRule(me, request));
    }

    @GetMapping("/api/v1/approval-policies/rules/{ruleId}")
    @Operation(summary = "One rule")
    RuleJson rule(OfferdeskPrincipal me, @PathVariable String ruleId) {
        return json(policies.rule(me, ruleId));
    }

    @PutMapping("/api/v1/approval-policies/rules/{ruleId}")
    @Operation(summary = "Replace a rule; requests already made keep the approvals they asked for")
    RuleJson changeRule(OfferdeskPrincipal me, @PathVariable String ruleId, @RequestBody RuleInput request) {
        return json(policies.changeRule(me, ruleId, request));
    }

    @DeleteMapping("/api/v1/approval-policies/rules/{ruleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a rule")
    void deleteRule(OfferdeskPrincipal me, @PathVariable String ruleId) {
        policies.deleteRule(me, ruleId);
    }

    @GetMapping("/api/v1/offers/{offerId}/approvals")
    @Operation(summary = "The offer's approvals: what its policy requires now, the latest request and the trail")
    OverviewJson overview(OfferdeskPrincipal me, @PathVariable String offerId) {
        var o = approvals.overview(me, offerId);
        return new OverviewJson(
                o.offerId(), o.offerRevision(), o.draft(), o.required(), o.latest(), o.releasable(), o.trail());
    }

    @PostMapping("/api/v1/offers/{offerId}/approvals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request the approvals the draft's current revision needs (the pending request if one exists)")
    ApprovalRequest request(OfferdeskPrincipal me, @PathVariable String offerId) {
        return approvals.request(me, offerId);
    }

    @PostMapping("/api/v1/offers/{offerId}/approvals/{approvalId}/approve")
    @Operation(summary = "Approve one approval of an open step, with an optional comment")
    ApprovalRequest approve(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @PathVariable String approvalId,
            @RequestBody(required = false) @Nullable CommentRequest request) {
        return approvals.approve(me, offerId, approvalId, request == null ? null : request.comment());
    }

    @PostMapping("/api/v1/offers/{offerId}/approvals/{approvalId}/reject")
    @Operation(summary = "Reject the request, saying why; the author may change the offer and request again")
    ApprovalRequest reject(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @PathVariable String approvalId,
            @RequestBody(required = false) @Nullable CommentRequest request) {
        return approvals.reject(me, offerId, approvalId, request == null ? null : request.comment());
    }

    @GetMapping("/api/v1/approvals")
    @Operation(summary = "The open approvals the caller may decide (mine=true, the only list there is)")
    WaitingJson waiting(OfferdeskPrincipal me, @RequestParam(defaultValue = "true") boolean mine) {
        if (!mine) {
            throw new InvalidInput("mine", "approvals.validation.mine");
        }
        return new WaitingJson(approvals.waiting(me));
    }

    private static PolicyJson json(ApprovalPolicy policy) {
        return new PolicyJson(
                (int) policy.stepDue().toHours(),
                (int) policy.escalation().toHours(),
                policy.rules().stream().map(ApprovalsApi::json).toList());
    }

    static RuleJson json(ApprovalRule rule) {
        var currency = rule.condition() instanceof Condition.ContractValue v
                ? v.amount().getCurrencyUnit().getCode()
                : null;
        return new RuleJson(
                rule.id().toString(),
                rule.name(),
                rule.condition().type(),
                rule.condition().threshold(),
                currency,
                rule.mode().name(),
                rule.approvers().stream()
                        .map(a -> new ApproverJson(
                                a.role() == null ? null : a.role().name(),
                                a.userId() == null ? null : a.userId().toString(),
                                a.label()))
                        .toList());
    }
}
