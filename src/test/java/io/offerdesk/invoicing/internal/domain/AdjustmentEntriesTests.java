package io.offerdesk.invoicing.internal.domain;

import static io.offerdesk.invoicing.internal.domain.LargestRemainderTests.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.BillingAdjustmentEntry;
import io.offerdesk.invoicing.BillingAdjustmentRequest.ReasonCode;
import io.offerdesk.invoicing.internal.domain.AdjustmentEntries.Checked;
import io.offerdesk.invoicing.internal.domain.AdjustmentEntries.InvoiceFacts;
import io.offerdesk.invoicing.internal.domain.AdjustmentEntries.Outcome;
import io.offerdesk.shared.FieldViolation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AdjustmentEntriesTests {

    static BillingAdjustmentEntry entry(
            @Nullable String amount, @Nullable String reason, @Nullable String token, @Nullable String description) {
        return new BillingAdjustmentEntry("agmt-1", "inv-1", amount, "USD", reason, token, description);
    }

    static List<String> fields(Outcome outcome) {
        return ((Outcome.Invalid) outcome)
                .violations().stream().map(FieldViolation::field).toList();
    }

    @Test
    void aWellFormedEntryPasses() {
        var outcome = AdjustmentEntries.check(entry("10.5", "BUYER_DISSATISFACTION", "token-1", "sorry"));
        assertThat(outcome)
                .isEqualTo(new Outcome.Valid(new Checked(
                        "token-1",
                        "agmt-1",
                        "inv-1",
                        new BigDecimal("10.5"),
                        "USD",
                        ReasonCode.BUYER_DISSATISFACTION,
                        "sorry")));
    }

    @Test
    void everyFieldIsCheckedAsTheModelSays() {
        assertThat(fields(
                        AdjustmentEntries.check(new BillingAdjustmentEntry(null, null, null, null, null, null, null))))
                .containsExactlyInAnyOrder(
                        "clientToken",
                        "agreementId",
                        "originalInvoiceId",
                        "currencyCode",
                        "adjustmentAmount",
                        "adjustmentReasonCode");
        assertThat(fields(AdjustmentEntries.check(entry("0", "OTHER", "t", null))))
                .containsExactly("adjustmentAmount");
        assertThat(fields(AdjustmentEntries.check(entry("-1", "OTHER", "t", null))))
                .containsExactly("adjustmentAmount");
        assertThat(fields(AdjustmentEntries.check(entry("1.123456789", "OTHER", "t", null))))
                .containsExactly("adjustmentAmount");
        assertThat(fields(AdjustmentEntries.check(entry("1", "REFUND", "t", null))))
                .containsExactly("adjustmentReasonCode");
        assertThat(fields(AdjustmentEntries.check(entry("1", "OTHER", "not a token!", null))))
                .containsExactly("clientToken");
        assertThat(fields(AdjustmentEntries.check(entry("1", "OTHER", "t".repeat(65), null))))
                .containsExactly("clientToken");
        assertThat(fields(AdjustmentEntries.check(entry("1", "OTHER", "t", ""))))
                .containsExactly("description");
        assertThat(fields(AdjustmentEntries.check(entry("1", "OTHER", "t", "d".repeat(501)))))
                .containsExactly("description");
        assertThat(AdjustmentEntries.check(entry("1", "OTHER", "t", "d".repeat(500))))
                .isInstanceOf(Outcome.Valid.class);
    }

    @Test
    void againstItsInvoiceTheAmountMustFitWhatIsLeftInTheInvoicesCurrency() {
        var facts = new InvoiceFacts(CurrencyUnit.USD, false, Set.of("agmt-1"), usd("100.00"));
        var ok = checked("100.00", "USD", "agmt-1");
        assertThat(AdjustmentEntries.against(ok, facts)).isEmpty();
        assertThat(AdjustmentEntries.money(ok, CurrencyUnit.USD)).isEqualTo(usd("100.00"));
        assertThat(codes(AdjustmentEntries.against(checked("100.01", "USD", "agmt-1"), facts)))
                .containsExactly("adjustment.exceedsAdjustable");
        assertThat(codes(AdjustmentEntries.against(checked("1.001", "USD", "agmt-1"), facts)))
                .containsExactly("adjustment.scale");
        assertThat(codes(AdjustmentEntries.against(checked("1", "EUR", "agmt-1"), facts)))
                .containsExactly("adjustment.currency");
        assertThat(codes(AdjustmentEntries.against(checked("1", "USD", "agmt-2"), facts)))
                .containsExactly("adjustment.agreementNotOnInvoice");
        var memo = new InvoiceFacts(CurrencyUnit.USD, true, Set.of("agmt-1"), usd("100.00"));
        assertThat(codes(AdjustmentEntries.against(ok, memo))).containsExactly("adjustment.creditMemo");
    }

    static Checked checked(String amount, String currency, String agreement) {
        return new Checked("t", agreement, "inv-1", new BigDecimal(amount), currency, ReasonCode.OTHER, null);
    }

    static List<String> codes(List<FieldViolation> violations) {
        return violations.stream().map(FieldViolation::code).toList();
    }
}
