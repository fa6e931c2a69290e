package io.offerdesk.gtm.internal.templates.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.gtm.internal.templates.domain.EulaComposition.ClauseText;
import java.util.List;
import org.junit.jupiter.api.Test;

class EulaCompositionTests {

    static ClauseText clause(String id, ClauseKind kind, String title) {
        return new ClauseText(id, 1, kind, title, title + " text");
    }

    @Test
    void theStandardBodyStandsAloneWithoutClauses() {
        var eula = EulaComposition.compose("Plain", List.of());

        assertThat(eula.sections())
                .extracting(ComposedEula.Section::heading)
                .containsExactlyElementsOf(StandardBody.SECTIONS.stream()
                        .map(StandardBody.Section::heading)
                        .toList());
        assertThat(eula.sections()).extracting(ComposedEula.Section::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void aClauseReplacesTheStandardSectionOfItsKindInPlaceAndOthersFollowByRank() {
        // Picked in an order unlike the merge order: the result must not depend on it.
        var eula = EulaComposition.compose(
                "Enterprise",
                List.of(
                        clause("c-add", ClauseKind.ADDITIONAL, "Export control"),
                        clause("c-cap", ClauseKind.LIABILITY_CAP, "Liability cap: 2x fees"),
                        clause("c-sec", ClauseKind.SECURITY, "Security"),
                        clause("c-dpa", ClauseKind.DATA_PROTECTION, "Data processing addendum")));

        assertThat(eula.sections())
                .extracting(ComposedEula.Section::heading)
                .containsExactly(
                        "Definitions",
                        "License and use",
                        "Data processing addendum",
                        "Service levels",
                        "Warranties",
                        "Liability cap: 2x fees",
                        "Term and termination",
                        "General",
                        "Security",
                        "Export control");
        assertThat(eula.sections().get(5).clauseId()).isEqualTo("c-cap");
        assertThat(eula.sections().get(3).clauseId()).isNull();
        assertThat(eula.text()).contains("6. Liability cap: 2x fees\nLiability cap: 2x fees text");
        assertThat(eula.text()).doesNotContain("Limitation of liability");
    }

    @Test
    void twoClausesOfOneKindAreRefused() {
        assertThatThrownBy(() -> EulaComposition.compose(
                        "Twice", List.of(clause("a", ClauseKind.SLA, "A"), clause("b", ClauseKind.SLA, "B"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
