package io.offerdesk.commitments.internal.costcenters.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.commitments.internal.costcenters.domain.Chargeback.Basis;
import io.offerdesk.commitments.internal.costcenters.domain.Chargeback.Line;
import io.offerdesk.commitments.internal.costcenters.domain.Chargeback.TagRule;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class ChargebackTests {

    static final YearMonth MONTH = YearMonth.of(2027, 3);

    static Line line(int no, String agreement, String amount, String tax, Map<String, String> tags) {
        return new Line(
                "inv-1",
                "INV-00000001",
                no,
                agreement,
                "prod-1",
                "line " + no,
                Money.parse("USD " + amount),
                Money.parse("USD " + tax),
                tags);
    }

    @Test
    void usageGoesByItsTagsElseByItsAgreementElseUnassigned() {
        var lines = List.of(
                line(1, "agmt-a", "1000.00", "80.00", Map.of()),
                line(2, "agmt-a", "33.33", "2.67", Map.of("team", "data")),
                line(3, "agmt-a", "10.01", "0.80", Map.of("team", "web")),
                line(4, "agmt-b", "500.00", "40.00", Map.of()));
        var report = Chargeback.of(
                MONTH,
                lines,
                Map.of("agmt-a", "cc-eng"),
                List.of(new TagRule("team", "data", "cc-data")),
                Comparator.naturalOrder());

        assertThat(report.lines())
                .extracting(Chargeback.Allocated::costCenterId, Chargeback.Allocated::basis)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cc-eng", Basis.AGREEMENT),
                        org.assertj.core.groups.Tuple.tuple("cc-data", Basis.ALLOCATION_TAG),
                        org.assertj.core.groups.Tuple.tuple("cc-eng", Basis.AGREEMENT),
                        org.assertj.core.groups.Tuple.tuple(null, Basis.UNASSIGNED));
        assertThat(report.totals())
                .extracting(t -> t.costCenterId(), t -> t.total().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cc-data", "USD 36.00"),
                        org.assertj.core.groups.Tuple.tuple("cc-eng", "USD 1090.81"),
                        org.assertj.core.groups.Tuple.tuple(null, "USD 540.00"));
        assertThat(report.totals().get(0).allocatedUsage()).isEqualTo(Money.parse("USD 33.33"));
        // Parts sum to the whole: every line's amount and tax, nothing rounded.
        var whole = lines.stream().map(Line::total).reduce(Money.zero(CurrencyUnit.USD), Money::plus);
        assertThat(report.total(CurrencyUnit.USD)).isEqualTo(whole).isEqualTo(Money.parse("USD 1666.81"));
    }

    @Test
    void severalMappedTagsGoByTheFirstKeyAlphabetically() {
        var report = Chargeback.of(
                MONTH,
                List.of(line(1, "agmt-a", "5.00", "0.00", Map.of("team", "data", "env", "prod"))),
                Map.of(),
                List.of(new TagRule("team", "data", "cc-data"), new TagRule("env", "prod", "cc-prod")),
                Comparator.naturalOrder());
        assertThat(report.lines().getFirst().costCenterId()).isEqualTo("cc-prod");
    }

    @Test
    void creditMemoLinesComeNegatedAndNetTheTotals() {
        var report = Chargeback.of(
                MONTH,
                List.of(line(1, "agmt-a", "100.00", "8.00", Map.of()), line(1, "agmt-a", "-40.00", "-3.20", Map.of())),
                Map.of("agmt-a", "cc-eng"),
                List.of(),
                Comparator.naturalOrder());
        assertThat(report.total(CurrencyUnit.USD)).isEqualTo(Money.parse("USD 64.80"));
        assertThat(report.totals()).hasSize(1);
    }
}
