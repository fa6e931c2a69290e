package io.offerdesk.gtm.internal.templates.domain;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A EULA as a template version composes it: numbered sections, each from the standard body or from a clause version.
 *
 * @param name the template version's name, shown under the title
 */
public record ComposedEula(String title, String name, List<Section> sections) {

    public ComposedEula {
        sections = List.copyOf(sections);
    }

    /**
     * One section of the composed EULA.
     *
     * @param clauseId the clause it came from; absent for a section of the standard body
     */
    public record Section(
            int number,
            String heading,
            String text,
            @Nullable ClauseKind kind,
            @Nullable String clauseId,
            @Nullable Integer clauseVersion) {}

    /** The EULA as plain text, one paragraph per section: what a redline compares. */
    public String text() {
        return title + "\n" + name + "\n\n"
                + sections.stream()
                        .map(s -> s.number() + ". " + s.heading() + "\n" + s.text())
                        .collect(Collectors.joining("\n\n"));
    }
}
