package io.offerdesk.changesets;

import io.offerdesk.shared.FieldViolation;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What became of a change set a page started, for the page to show at once: applied, failed with each change's
 * errors, still running after the page stopped waiting, rejected at once with field violations, or refused (entity
 * locked, quota used up). Rendered by the {@code outcome} fragment of {@code changesets/outcome.html}, or by a page's
 * own. Serializable, because a page carries it across its redirect as a flash attribute, which lives in the session
 * every node shares (ADR 0043).
 *
 * @param violations field paths relative to the request, e.g. {@code Terms[0].Schedule[1].ChargeDate}
 * @param problem the message key of a refusal, with its arguments
 */
public record ChangeSetOutcome(
        @Nullable ChangeSet changeSet,
        List<FieldViolation> violations,
        @Nullable String problem,
        List<Object> problemArguments)
        implements Serializable {

    public ChangeSetOutcome {
        violations = List.copyOf(violations);
        problemArguments = List.copyOf(problemArguments);
    }

    public static ChangeSetOutcome of(ChangeSet changeSet) {
        return new ChangeSetOutcome(changeSet, List.of(), null, List.of());
    }

    public static ChangeSetOutcome invalid(List<FieldViolation> violations) {
        return new ChangeSetOutcome(null, violations, null, List.of());
    }

    public static ChangeSetOutcome refused(String problem, List<Object> arguments) {
        return new ChangeSetOutcome(null, List.of(), problem, arguments);
    }

    public static ChangeSetOutcome refused(String problem) {
        return refused(problem, List.of());
    }

    public boolean succeeded() {
        return changeSet != null && changeSet.status() == ChangeSetStatus.SUCCEEDED;
    }

    public boolean failed() {
        return changeSet != null
                && (changeSet.status() == ChangeSetStatus.FAILED || changeSet.status() == ChangeSetStatus.CANCELLED);
    }

    public boolean pending() {
        return changeSet != null && !changeSet.status().isFinal();
    }

    /** Every error of every change, in change order. */
    public List<ChangeError> errors() {
        return changeSet == null
                ? List.of()
                : changeSet.changes().stream()
                        .flatMap(change -> change.errors().stream())
                        .toList();
    }

    /** The id (without revision) of the entity the change at {@code index} created or changed, once applied. */
    public Optional<String> entityId(int index) {
        if (changeSet == null || index >= changeSet.changes().size()) {
            return Optional.empty();
        }
        var identifier = changeSet.changes().get(index).entityIdentifier();
        return identifier == null || identifier.startsWith("$")
                ? Optional.empty()
                : Optional.of(identifier.replaceFirst("@.*$", ""));
    }
}
