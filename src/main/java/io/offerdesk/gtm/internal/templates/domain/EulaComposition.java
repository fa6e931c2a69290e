package io.offerdesk.gtm.internal.templates.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;

/**
 * Composes a EULA in the merge order of ADR 0028: the standard body's sections in their order, a section replaced in
 * place by the template's clause of the same kind; then the clauses whose kind has no standard section, by kind rank.
 * A template holds at most one clause of a kind, so the result never depends on the order clauses were picked in.
 */
public final class EulaComposition {

    /** A chosen clause version. */
    public record ClauseText(String clauseId, int version, ClauseKind kind, String title, String text) {}

    private EulaComposition() {}

    /** @throws IllegalArgumentException when two clauses share a kind; callers validate that first */
    public static ComposedEula compose(String name, List<ClauseText> clauses) {
        var byKind = new EnumMap<ClauseKind, ClauseText>(ClauseKind.class);
        for (var clause : clauses) {
            if (byKind.put(clause.kind(), clause) != null) {
                throw new IllegalArgumentException("two clauses of kind " + clause.kind());
            }
        }
        var sections = new ArrayList<ComposedEula.Section>();
        for (var standard : StandardBody.SECTIONS) {
            var kind = standard.kind();
            var replacement = kind == null ? null : byKind.remove(kind);
            sections.add(
                    replacement == null
                            ? new ComposedEula.Section(
                                    sections.size() + 1, standard.heading(), standard.text(), kind, null, null)
                            : section(sections.size() + 1, replacement));
        }
        byKind.values().stream()
                .sorted(Comparator.comparingInt(c -> c.kind().rank()))
                .forEach(extra -> sections.add(section(sections.size() + 1, extra)));
        return new ComposedEula(StandardBody.TITLE, name, sections);
    }

    private static ComposedEula.Section section(int number, ClauseText clause) {
        return new ComposedEula.Section(
                number, clause.title(), clause.text(), clause.kind(), clause.clauseId(), clause.version());
    }
}
