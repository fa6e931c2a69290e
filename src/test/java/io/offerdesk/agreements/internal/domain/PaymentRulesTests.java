package io.offerdesk.agreements.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.agreements.AgreementId;
import io.offerdesk.agreements.PaymentRequest;
import io.offerdesk.agreements.PaymentRequest.Status;
import io.offerdesk.agreements.PaymentRequestApprovalStrategy;
import io.offerdesk.agreements.PaymentRequestId;
import io.offerdesk.agreements.TermConfiguration.VariablePaymentConfiguration;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/** What a seller may still request under a variable payment term, and how requests move. */
class PaymentRulesTests {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Money MAX = Money.ofMajor(CurrencyUnit.USD, 1000);

    static PaymentRequest request(String amount, Status status) {
        return new PaymentRequest(
                new PaymentRequestId("pr-" + "a".repeat(25)),
                new AgreementId("agmt-" + "b".repeat(25)),
                "term-1",
                UUID.randomUUID(),
                UUID.randomUUID(),
                new AccountId("400000000001"),
                "Extra work",
                null,
                Money.parse("USD " + amount),
                status,
                null,
                null,
                null,
                null,
                NOW,
                NOW);
    }

    @Test
    void approvedAndWaitingRequestsCountAgainstTheMaximumOthersDoNot() {
        var remaining = PaymentRules.remaining(
                MAX,
                List.of(
                        request("100.00", Status.APPROVED),
                        request("250.50", Status.PENDING_APPROVAL),
                        request("300.00", Status.REJECTED),
                        request("50.00", Status.CANCELLED),
                        request("75.00", Status.VALIDATION_FAILED)));

        assertThat(remaining).isEqualTo(Money.parse("USD 649.50"));
    }

    @Test
    void takesAmountsUpToWhatRemainsWithTheCurrencysScale() {
        var remaining = Money.parse("USD 649.50");

        assertThat(PaymentRules.chargeAmount("649.5", remaining)).isEqualTo(remaining);
        assertThat(PaymentRules.chargeAmount("1", remaining).getAmount()).hasToString("1.00");
        for (var bad : List.of("649.51", "0", "-1", "1.005", "ten", "")) {
            assertThatThrownBy(() -> PaymentRules.chargeAmount(bad, remaining))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidInput.class,
                            e -> assertThat(e.violations().getFirst().code())
                                    .isEqualTo("agreement.INVALID_CHARGE_AMOUNT"));
        }
        var yen = Money.ofMajor(CurrencyUnit.JPY, 1000);
        assertThatThrownBy(() -> PaymentRules.chargeAmount("1.5", yen)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void automaticApprovalNeedsAPositiveDurationAndDatesRequestsByIt() {
        var auto = new VariablePaymentConfiguration(
                PaymentRequestApprovalStrategy.AUTO_APPROVE_ON_EXPIRATION, Period.ofDays(10));
        var wait = new VariablePaymentConfiguration(PaymentRequestApprovalStrategy.WAIT_FOR_APPROVAL, null);

        assertThat(PaymentRules.fits(auto)).isTrue();
        assertThat(PaymentRules.fits(wait)).isTrue();
        assertThat(PaymentRules.fits(new VariablePaymentConfiguration(
                        PaymentRequestApprovalStrategy.AUTO_APPROVE_ON_EXPIRATION, null)))
                .isFalse();
        assertThat(PaymentRules.fits(new VariablePaymentConfiguration(
                        PaymentRequestApprovalStrategy.AUTO_APPROVE_ON_EXPIRATION, Period.ZERO)))
                .isFalse();
        assertThat(PaymentRules.fits(new VariablePaymentConfiguration(
                        PaymentRequestApprovalStrategy.WAIT_FOR_APPROVAL, Period.ofDays(1))))
                .isFalse();
        assertThat(PaymentRules.autoApproveAt(auto, NOW)).isEqualTo(Instant.parse("2026-03-20T12:00:00Z"));
        assertThat(PaymentRules.autoApproveAt(wait, NOW)).isNull();
    }

    @Test
    void onlyAWaitingRequestMoves() {
        var approved = request("10.00", Status.PENDING_APPROVAL).approve("charge-3", "PO-1", NOW);

        assertThat(approved.status()).isEqualTo(Status.APPROVED);
        assertThat(approved.chargeId()).isEqualTo("charge-3");
        assertThatThrownBy(() -> approved.reject("late", NOW))
                .isInstanceOfSatisfying(
                        Conflict.class, c -> assertThat(c.code()).isEqualTo(PaymentRequest.NOT_PENDING));
        assertThatThrownBy(() -> approved.withdraw(NOW)).isInstanceOf(Conflict.class);
    }
}
