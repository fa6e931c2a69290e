package io.offerdesk.gtm.internal.templates.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.gtm.internal.templates.domain.Redline.Op;
import io.offerdesk.gtm.internal.templates.domain.Redline.Segment;
import org.junit.jupiter.api.Test;

class RedlineTests {

    @Test
    void showsReplacedWordsAsDeletionThenInsertion() {
        var segments = Redline.between(
                "Liability is capped at the fees paid in 12 months.",
                "Liability is capped at twice the fees paid in 12 months.");

        assertThat(segments)
                .containsExactly(
                        new Segment(Op.EQUAL, "Liability is capped at "),
                        new Segment(Op.INSERT, "twice "),
                        new Segment(Op.EQUAL, "the fees paid in 12 months."));
    }

    @Test
    void eachSideRebuildsItsTextExactly() {
        var before = "Seller keeps data in the EU.\nBackups for 30 days.";
        var after = "Seller keeps data in the EU or the UK.\nBackups for 90 days; logs for 1 year.";
        var segments = Redline.between(before, after);

        assertThat(Redline.side(segments, false)).isEqualTo(before);
        assertThat(Redline.side(segments, true)).isEqualTo(after);
        assertThat(segments).contains(new Segment(Op.DELETE, "30"), new Segment(Op.INSERT, "90"));
    }

    @Test
    void identicalTextsAreOneUnchangedRun() {
        assertThat(Redline.between("same words", "same words")).containsExactly(new Segment(Op.EQUAL, "same words"));
        assertThat(Redline.between("", "new")).containsExactly(new Segment(Op.INSERT, "new"));
    }
}
