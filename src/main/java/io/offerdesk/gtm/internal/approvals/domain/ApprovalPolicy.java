package io.offerdesk.gtm.internal.approvals.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A party's rules and the deadlines of their steps.
 *
 * @param stepDue how long the approvers of an open step have before they are reminded
 * @param escalation how long after that the party's administrators are told
 */
public record ApprovalPolicy(Duration stepDue, Duration escalation, List<ApprovalRule> rules) {

    public static final Duration DEFAULT_STEP_DUE = Duration.ofHours(48);
    public static final Duration DEFAULT_ESCALATION = Duration.ofHours(24);

    public ApprovalPolicy {
        rules = List.copyOf(rules);
    }

    public static ApprovalPolicy empty() {
        return new ApprovalPolicy(DEFAULT_STEP_DUE, DEFAULT_ESCALATION, List.of());
    }

    /**
     * The approvals a draft needs: the union of the steps of every rule that matches it. Step {@code n} of every rule
     * is merged into step {@code n}; an approver asked for by several rules is asked once, in the latest step any of
     * them puts it, so every rule's order still holds (what a sequential rule puts after an approver stays after it).
     * Steps left empty are dropped and the rest numbered from 1; within a step, approvers keep the rules' order.
     */
    public List<RequiredApproval> required(OfferFacts offer) {
        var merged = new ArrayList<RequiredApproval>();
        for (var rule : rules) {
            if (!rule.condition().matches(offer)) {
                continue;
            }
            for (var step : rule.steps()) {
                var same = merged.stream()
                        .filter(r -> r.approver().sameAs(step.approver()))
                        .findFirst();
                if (same.isEmpty()) {
                    merged.add(step);
                } else if (same.get().step() < step.step()) {
                    merged.remove(same.get());
                    merged.add(step);
                }
            }
        }
        var numbers = new TreeSet<Integer>();
        merged.forEach(r -> numbers.add(r.step()));
        var renumbered = new ArrayList<Integer>(numbers);
        return merged.stream()
                .sorted(Comparator.comparingInt(RequiredApproval::step))
                .map(r -> new RequiredApproval(renumbered.indexOf(r.step()) + 1, r.approver()))
                .toList();
    }
}
