package io.offerdesk.invoicing.internal.domain;

import static io.offerdesk.invoicing.internal.domain.LargestRemainderTests.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.invoicing.Invoice;
import io.offerdesk.invoicing.InvoiceType;
import io.offerdesk.invoicing.internal.domain.CreditMemos.CreditedLine;
import io.offerdesk.invoicing.internal.domain.CreditMemos.OriginalLine;
import io.offerdesk.invoicing.internal.domain.CreditMemos.Plan;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** 1,000.00 + 200.00 tax on one line, 500.00 + 100.00 on another: 1,800.00 in all at 20% tax. */
class CreditMemosTests {

    static final Invoice INVOICE = AgreementInvoices.of(List.of(
            AgreementInvoices.line(1, "agmt-1", usd("1000.00"), usd("200.00"), null),
            AgreementInvoices.line(2, "agmt-1", usd("500.00"), usd("100.00"), null)));
    static final List<OriginalLine> LINES = CreditMemos.originalLines(INVOICE, List.of());

    static InvoiceBalance balance(String paid, String credited, String refunded) {
        return new InvoiceBalance(usd("1800.00"), usd(paid), usd(credited), usd(refunded));
    }

    static Plan plan(List<OriginalLine> lines, InvoiceBalance balance, String credit) {
        return CreditMemos.plan(INVOICE, lines, balance, List.of(), "agmt-1", usd(credit));
    }

    @Test
    void theWholeInvoiceIsAdjustable() {
        assertThat(CreditMemos.adjustable(CurrencyUnit.USD, LINES, "agmt-1")).isEqualTo(usd("1800.00"));
        assertThat(CreditMemos.adjustable(CurrencyUnit.USD, LINES, "agmt-2")).isEqualTo(usd("0.00"));
    }

    @Test
    void aCreditSplitsIntoNetAndTaxAndOverTheLinesInProportion() {
        var plan = plan(LINES, balance("0.00", "0.00", "0.00"), "600.00");
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
        var plan = plan(LINES, balance("1500.00", "0.00", "0.00"), "500.00");
        assertThat(plan.unpaid()).isEqualTo(usd("300.00"));
        assertThat(plan.refund()).isEqualTo(usd("200.00"));
        assertThat(plan(LINES, balance("1800.00", "0.00", "0.00"), "500.00").refund())
                .isEqualTo(usd("500.00"));
    }

    @Test
    void theLastCreditTakesExactlyWhatIsLeft() {
        var first = plan(LINES, balance("0.00", "0.00", "0.00"), "0.01");
        var lines = credited(LINES, first.lines());
        var rest = CreditMemos.adjustable(CurrencyUnit.USD, lines, "agmt-1");
        assertThat(rest).isEqualTo(usd("1799.99"));
        var last = CreditMemos.plan(INVOICE, lines, balance("0.00", "0.01", "0.00"), List.of(), "agmt-1", rest);
        assertThat(first.net().plus(last.net())).isEqualTo(usd("1500.00"));
        assertThat(first.tax().plus(last.tax())).isEqualTo(usd("300.00"));
        assertThat(CreditMemos.adjustable(CurrencyUnit.USD, credited(lines, last.lines()), "agmt-1"))
                .isEqualTo(usd("0.00"));
    }

    @Test
    void nothingBeyondWhatIsLeftIsCredited() {
        assertThatThrownBy(() -> plan(LINES, balance("0.00", "0.00", "0.00"), "1800.01"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan(LINES, balance("0.00", "0.00", "0.00"), "0.00"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOriginalsLinesKnowWhatItsCreditMemosGaveBack() {
        var memo = new Invoice(
                "inv-2",
                InvoiceType.CREDIT_MEMO,
                INVOICE.invoicingEntity(),
                2,
                INVOICE.buyerPartyId(),
                INVOICE.buyerAccountId(),
                INVOICE.sellerPartyId(),
                INVOICE.invoiceDate(),
                INVOICE.issuedAt(),
                INVOICE.invoiceDate(),
                usd("10.00"),
                usd("2.00"),
                usd("12.00"),
                null,
                null,
                INVOICE.id(),
                List.of(AgreementInvoices.line(2, "agmt-1", usd("10.00"), usd("2.00"), null)));
        assertThat(CreditMemos.originalLines(INVOICE, List.of(memo, memo)))
                .containsExactly(
                        OriginalLine.billed(1, "agmt-1", usd("1000.00"), usd("200.00")),
                        new OriginalLine(2, "agmt-1", usd("500.00"), usd("100.00"), usd("20.00"), usd("4.00")));
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
