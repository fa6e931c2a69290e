package io.offerdesk.invoicing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.invoicing.InvoiceStatus;
import io.offerdesk.invoicing.internal.domain.PaymentAllocation.CreditUse;
import io.offerdesk.invoicing.internal.domain.PaymentAllocation.OpenInvoice;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** A payment's input, how it meets the open amount, where credit goes, and an invoice's status. */
class CollectionRulesTests {

    static final LocalDate DUE = LocalDate.parse("2027-03-31");

    static Money usd(String amount) {
        return Money.parse("USD " + amount);
    }

    @Test
    void aPaymentTakesAtMostTheOpenAmountAndTheRestBecomesCredit() {
        assertThat(PaymentAllocation.of(usd("40.00"), usd("100.00")))
                .isEqualTo(new PaymentAllocation(usd("40.00"), usd("0.00")));
        assertThat(PaymentAllocation.of(usd("130.00"), usd("100.00")))
                .isEqualTo(new PaymentAllocation(usd("100.00"), usd("30.00")));
        assertThat(PaymentAllocation.of(usd("100.00"), usd("100.00")))
                .isEqualTo(new PaymentAllocation(usd("100.00"), usd("0.00")));
    }

    @Test
    void creditIsSpentOnTheOldestInvoicesFirstUntilItRunsOut() {
        var uses = PaymentAllocation.credit(
                usd("150.00"),
                List.of(
                        new OpenInvoice("inv-a", usd("100.00")),
                        new OpenInvoice("inv-b", usd("0.00")),
                        new OpenInvoice("inv-c", usd("80.00")),
                        new OpenInvoice("inv-d", usd("10.00"))));

        assertThat(uses).containsExactly(new CreditUse("inv-a", usd("100.00")), new CreditUse("inv-c", usd("50.00")));
        assertThat(PaymentAllocation.credit(usd("0.00"), List.of(new OpenInvoice("inv-a", usd("1.00")))))
                .isEmpty();
    }

    @Test
    void statusFollowsPaymentsCreditsAndTheDueDate() {
        var beforeDue = Instant.parse("2027-03-31T23:59:59Z");
        var overdue = Instant.parse("2027-04-01T00:00:00Z");
        var total = usd("100.00");
        var zero = usd("0.00");

        assertThat(InvoiceBalance.unpaid(total).status(DUE, beforeDue)).isEqualTo(InvoiceStatus.OPEN);
        assertThat(InvoiceBalance.unpaid(total).status(DUE, overdue)).isEqualTo(InvoiceStatus.OVERDUE);
        assertThat(new InvoiceBalance(total, usd("1.00"), zero, zero).status(DUE, beforeDue))
                .isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(new InvoiceBalance(total, usd("1.00"), zero, zero).status(DUE, overdue))
                .isEqualTo(InvoiceStatus.OVERDUE);
        assertThat(new InvoiceBalance(total, total, zero, zero).status(DUE, overdue))
                .isEqualTo(InvoiceStatus.PAID);
        assertThat(new InvoiceBalance(total, usd("60.00"), usd("40.00"), zero).status(DUE, overdue))
                .isEqualTo(InvoiceStatus.PAID);
        assertThat(new InvoiceBalance(total, zero, total, zero).status(DUE, overdue))
                .isEqualTo(InvoiceStatus.CREDITED);
        // Paid, then credited in full and refunded: nothing open, and all of it given back.
        assertThat(new InvoiceBalance(total, total, total, total).status(DUE, overdue))
                .isEqualTo(InvoiceStatus.CREDITED);
        assertThat(new InvoiceBalance(total, total, usd("10.00"), usd("10.00")).open())
                .isEqualTo(zero);
    }

    @Test
    void aPaymentIsInTheInvoicesCurrencyPositiveAndInItsScaleWithAReference() {
        var usd = CurrencyUnit.USD;
        assertThat(PaymentInput.of(" 12.5 ", "USD", " wire 42 ", usd))
                .isEqualTo(new PaymentInput(usd("12.50"), "wire 42"));

        assertThat(fields(() -> PaymentInput.of("12.50", "EUR", "x", usd))).containsExactly("currencyCode");
        assertThat(codes(() -> PaymentInput.of("12.50", "EUR", "x", usd)))
                .containsExactly("collections.currencyMismatch");
        assertThat(fields(() -> PaymentInput.of("0", "USD", "x", usd))).containsExactly("amount");
        assertThat(fields(() -> PaymentInput.of("-1.00", "USD", "x", usd))).containsExactly("amount");
        assertThat(fields(() -> PaymentInput.of("1.001", "USD", "x", usd))).containsExactly("amount");
        assertThat(fields(() -> PaymentInput.of("ten", "USD", "x", usd))).containsExactly("amount");
        assertThat(fields(() -> PaymentInput.of("1000000000000", "USD", "x", usd)))
                .containsExactly("amount");
        assertThat(fields(() -> PaymentInput.of("1.5", "JPY", "x", CurrencyUnit.JPY)))
                .containsExactly("amount");
        assertThat(fields(() -> PaymentInput.of(null, null, " ", usd)))
                .containsExactly("currencyCode", "amount", "reference");
        assertThat(fields(() -> PaymentInput.of("1", "USD", "r".repeat(201), usd)))
                .containsExactly("reference");
    }

    static List<String> fields(Runnable input) {
        return violations(input).stream().map(FieldViolation::field).toList();
    }

    static List<String> codes(Runnable input) {
        return violations(input).stream().map(FieldViolation::code).toList();
    }

    static List<FieldViolation> violations(Runnable input) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInput.class, input::run);
        assertThat(thrown).as("refused").isNotNull();
        return thrown.violations();
    }

    @Test
    void nothingIsAppliedToNothing() {
        assertThatThrownBy(() -> PaymentAllocation.of(usd("0.00"), usd("1.00")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
