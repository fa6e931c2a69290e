package io.offerdesk.gtm.internal.approvals.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A rule of an approval policy: when its condition matches a draft, its approvers must approve it. */
public record ApprovalRule(UUID id, String name, Condition condition, StepMode mode, List<Approver> approvers) {

    public ApprovalRule {
        approvers = List.copyOf(approvers);
    }

    /** The approvals this rule asks for, its steps numbered from 1. */
    public List<RequiredApproval> steps() {
        var steps = new ArrayList<RequiredApproval>();
        for (int i = 0; i < approvers.size(); i++) {
            steps.add(new RequiredApproval(mode == StepMode.SEQUENTIAL ? i + 1 : 1, approvers.get(i)));
        }
        return steps;
    }
}
