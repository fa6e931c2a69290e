package io.offerdesk.invoicing.internal.rest;

import io.offerdesk.invoicing.AppliedCredit;
import io.offerdesk.invoicing.Collections;
import io.offerdesk.invoicing.InvoiceStanding;
import io.offerdesk.invoicing.Payment;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payments against invoices, the buyer's credit, and dunning reminders. Amounts are decimal strings next to their
 * currency. Another party's invoices are not found; a reader who may not pay (a seller, a buyer user without the
 * finance role) is refused.
 */
@RestController
@Tag(name = "Collections", description = "Payments, credit balances and dunning reminders of invoices")
class CollectionsApi {

    /** A payment as entered: the amount in the invoice's currency with at most its decimals, and a reference. */
    record PaymentBody(
            @Nullable String amount,
            @Nullable String currencyCode,
            @Nullable String reference) {}

    record PaymentJson(
            String id,
            String invoiceId,
            String currencyCode,
            String amount,
            String applied,
            String toCredit,
            String reference,
            boolean simulated,
            String recordedBy,
            Instant receivedAt) {

        static PaymentJson of(Payment payment) {
            return new PaymentJson(
                    payment.id(),
                    payment.invoiceId(),
                    payment.amount().getCurrencyUnit().getCode(),
                    decimal(payment.amount()),
                    decimal(payment.applied()),
                    decimal(payment.toCredit()),
                    payment.reference(),
                    payment.simulated(),
                    payment.recordedBy(),
                    payment.receivedAt());
        }
    }

    record AppliedCreditJson(String id, String invoiceId, String currencyCode, String amount, Instant appliedAt) {

        static AppliedCreditJson of(AppliedCredit credit) {
            return new AppliedCreditJson(
                    credit.id(),
                    credit.invoiceId(),
                    credit.amount().getCurrencyUnit().getCode(),
                    decimal(credit.amount()),
                    credit.appliedAt());
        }
    }

    /** What paid an invoice: payments recorded against it and the buyer's credit applied to it. */
    record PaymentsJson(List<PaymentJson> items, List<AppliedCreditJson> creditsApplied) {}

    record ReminderJson(int step, Instant dueAt, Instant sentAt) {}

    record RemindersJson(List<ReminderJson> items) {}

    record BalanceJson(
            String invoiceId,
            String status,
            LocalDate dueDate,
            String currencyCode,
            String total,
            String paid,
            String credited,
            String refunded,
            String open) {

        static BalanceJson of(InvoiceStanding standing) {
            return new BalanceJson(
                    standing.invoiceId(),
                    standing.status().name(),
                    standing.dueDate(),
                    standing.total().getCurrencyUnit().getCode(),
                    decimal(standing.total()),
                    decimal(standing.paid()),
                    decimal(standing.credited()),
                    decimal(standing.refunded()),
                    decimal(standing.open()));
        }
    }

    record CreditJson(String currencyCode, String amount) {}

    record CreditBalanceJson(List<CreditJson> items) {}

    private final Collections collections;

    CollectionsApi(Collections collections) {
        this.collections = collections;
    }

    @PostMapping("/api/v1/invoices/{invoiceId}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record a payment against an invoice (operator, or a finance user of its buyer); an"
                    + " over-payment becomes the buyer's credit")
    PaymentJson record(OfferdeskPrincipal me, @PathVariable String invoiceId, @RequestBody PaymentBody body) {
        return PaymentJson.of(
                collections.recordPayment(me, invoiceId, body.amount(), body.currencyCode(), body.reference()));
    }

    @GetMapping("/api/v1/invoices/{invoiceId}/payments")
    @Operation(summary = "The payments recorded against an invoice and the buyer's credit applied to it, oldest first")
    PaymentsJson payments(OfferdeskPrincipal me, @PathVariable String invoiceId) {
        return new PaymentsJson(
                collections.payments(me, invoiceId).stream()
                        .map(PaymentJson::of)
                        .toList(),
                collections.creditsApplied(me, invoiceId).stream()
                        .map(AppliedCreditJson::of)
                        .toList());
    }

    @GetMapping("/api/v1/invoices/{invoiceId}/balance")
    @Operation(
            summary = "What is paid, credited and open on an invoice, and its status (OPEN, PARTIALLY_PAID, PAID,"
                    + " OVERDUE, CREDITED)")
    BalanceJson balance(OfferdeskPrincipal me, @PathVariable String invoiceId) {
        return BalanceJson.of(collections.standing(me, invoiceId));
    }

    @GetMapping("/api/v1/invoices/{invoiceId}/reminders")
    @Operation(summary = "The dunning reminders sent for an invoice")
    RemindersJson reminders(OfferdeskPrincipal me, @PathVariable String invoiceId) {
        return new RemindersJson(collections.reminders(me, invoiceId).stream()
                .map(r -> new ReminderJson(r.step(), r.dueAt(), r.sentAt()))
                .toList());
    }

    @GetMapping("/api/v1/buyer/credit-balance")
    @Operation(summary = "The buyer's credit: over-payments not yet applied to an invoice, per currency")
    CreditBalanceJson creditBalance(OfferdeskPrincipal me) {
        return new CreditBalanceJson(collections.creditBalance(me).stream()
                .map(credit -> new CreditJson(credit.getCurrencyUnit().getCode(), decimal(credit)))
                .toList());
    }

    static String decimal(Money money) {
        return money.getAmount().toPlainString();
    }

    /** The simulator's "pay", only in simulation mode: elsewhere the path does not exist. */
    @RestController
    @ConditionalOnBooleanProperty("offerdesk.simulation")
    @Tag(name = "Collections")
    static class SimulatedPayments {

        private final Collections collections;

        SimulatedPayments(Collections collections) {
            this.collections = collections;
        }

        @PostMapping("/api/v1/buyer/invoices/{invoiceId}/pay")
        @ResponseStatus(HttpStatus.CREATED)
        @Operation(
                summary = "Simulation only: pay what is open on an invoice at once (operator or the buyer's finance"
                        + " users)")
        PaymentJson pay(OfferdeskPrincipal me, @PathVariable String invoiceId) {
            return PaymentJson.of(collections.pay(me, invoiceId));
        }
    }
}
