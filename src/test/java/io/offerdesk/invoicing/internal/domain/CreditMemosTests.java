package io.offerdesk.invoicing.internal.domain;

import static io.offerdesk.invoicing.internal.domain.AllocationTests.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.invoicing.internal.domain.CreditMemos.Balance;
import io.offerdesk.invoicing.internal.domain.CreditMemos.CreditedLine;
import io.offerdesk.invoicing.internal.domain.CreditMemos.OriginalLine;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

class CreditMemosTests {

    /** 1,000.00 + 200.00 on one line, 500.00 + 100.00 on another: 1,800.00 in all at 20% tax. */
    static final List<OriginalLine> LINES = List.of(
            OriginalLine.billed(1, "agmt-1", usd("1000.00"), usd("200.00")),
            OriginalLine.billed(2, "agmt-1", usd("500.00"), usd("100.00")));

    static Balance unpaid() {
        return new Balance(usd("1800.00"), usd("0.00"), usd("0.00"), usd("0.00"));
    }

    @Test
    void theWholeInvoiceIsAdjustable() {
        assertThat(CreditMemos.adjustable(CurrencyUnit.USD, LINES, "agmt-1")).isEqualTo(usd("1800.00"));
    }

    @Test
    void aCreditSplitsIntoNetAndTaxAndOverTheLinesInProportion() {
        var plan = CreditMemos.plan(usd("600.00"), "agmt-1", LINES, unpaid(), List.of());
        assertThat(plan.net()).isEqualTo(usd("500.00"));
        assertThat(plan.tax()).isEqualTo(usd("100.00"));
        assertThat(plan.lines())
                .containsExactly(
                        new CreditedLine(1, usd("333.33"), usd("66.67")),
                        new CreditedLine(2, usd("166.67"), usd("33.33")));
        assertThat(plan.unpaid()).isEqualTo(usd("600.00"));
        assertThat(plan.refund()).isEqualTo(usd("0.00"));
    }

    @Test
    void anUnpaidPartIsCreditedBeforeAnythingIsRefunded() {
        var partlyPaid = new Balance(usd("1800.00"), usd("1500.00"), usd("0.00"), usd("0.00"));
        var plan = CreditMemos.plan(usd("500.00"), "agmt-1", LINES, partlyPaid, List.of());
        assertThat(plan.unpaid()).isEqualTo(usd("300.00"));
        assertThat(plan.refund()).isEqualTo(usd("200.00"));
        var paid = new Balance(usd("1800.00"), usd("1800.00"), usd("0.00"), usd("0.00"));
        assertThat(CreditMemos.plan(usd("500.00"), "agmt-1", LINES, paid, List.of())
                        .refund())
                .isEqualTo(usd("500.00"));
    }

    @Test
    void theLastCreditTakesExactlyWhatIsLeft() {
        var first = CreditMemos.plan(usd("0.01"), "agmt-1", LINES, unpaid(), List.of());
        var lines = credited(LINES, first.lines());
        var rest = CreditMemos.adjustable(CurrencyUnit.USD, lines, "agmt-1");
        assertThat(rest).isEqualTo(usd("1799.99"));
        var last = CreditMemos.plan(rest, "agmt-1", lines, unpaid().credit(first), List.of());
        assertThat(first.net().plus(last.net())).isEqualTo(usd("1500.00"));
        assertThat(first.tax().plus(last.tax())).isEqualTo(usd("300.00"));
        assertThat(CreditMemos.adjustable(CurrencyUnit.USD, credited(lines, last.lines()), "agmt-1"))
                .isEqualTo(usd("0.00"));
    }

    @Test
    void nothingBeyondWhatIsLeftIsCredited() {
        assertThatThrownBy(() -> CreditMemos.plan(usd("1800.01"), "agmt-1", LINES, unpaid(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditMemos.plan(usd("0.00"), "agmt-1", LINES, unpaid(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The lines after a credit memo's lines were credited of them. */
    static List<OriginalLine> credited(List<OriginalLine> lines, List<CreditedLine> memo) {
        return lines.stream()
                .map(line -> memo.stream()
                        .filter(c -> c.lineNo() == line.lineNo())
                        .findFirst()
                        .map(line::credit)
                        .orElse(line))
                .toList();
    }
}
