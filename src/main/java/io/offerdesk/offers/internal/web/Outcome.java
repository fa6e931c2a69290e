package io.offerdesk.offers.internal.web;

import io.offerdesk.changesets.ChangeError;
import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSetStatus;
import io.offerdesk.shared.FieldViolation;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What became of a change set a page started: applied, failed with each change's errors, still running after the
 * page stopped waiting, rejected at once with field violations, or refused (entity locked, quota used up).
 *
 * @param violations field paths relative to the change's DetailsDocument, e.g. {@code Terms[0].Schedule[1].ChargeDate}
 * @param problem a message key when the engine refused to start the change set
 */
public record Outcome(
        @Nullable ChangeSet changeSet,
        List<FieldViolation> violations,
        @Nullable String problem,
        List<Object> problemArguments) {

    public Outcome {
        violations = List.copyOf(violations);
        problemArguments = List.copyOf(problemArguments);
    }

    static Outcome of(ChangeSet changeSet) {
        return new Outcome(changeSet, List.of(), null, List.of());
    }

    static Outcome rejected(List<FieldViolation> violations) {
        return new Outcome(null, violations, null, List.of());
    }

    static Outcome refused(String problem, List<Object> arguments) {
        return new Outcome(null, List.of(), problem, arguments);
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
    Optional<String> entityId(int index) {
        if (changeSet == null || index >= changeSet.changes().size()) {
            return Optional.empty();
        }
        var identifier = changeSet.changes().get(index).entityIdentifier();
        return identifier == null || identifier.startsWith("$")
                ? Optional.empty()
                : Optional.of(identifier.replaceFirst("@.*$", ""));
    }
}
