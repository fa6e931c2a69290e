package io.offerdesk.agreements.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.Term.ByolPricingTerm;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.FreeTrialPricingTerm;
import io.offerdesk.offers.Term.Grant;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.RecurringPaymentTerm;
import io.offerdesk.offers.Term.SupportTerm;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.UsageRateCard;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which terms keep a buyer from cancelling alone (ADR 0011). */
class CancellationTests {

    static final List<Grant> GRANTS = List.of(new Grant("users", 10));

    @Test
    void termsThatCommitTheBuyerToPayForAPeriodBlockCancellation() {
        assertThat(Cancellation.commits(new FixedUpfrontPricingTerm("USD", new BigDecimal("100.00"), GRANTS, null)))
                .isTrue();
        assertThat(Cancellation.commits(new PaymentScheduleTerm(
                        "USD", List.of(new Installment(LocalDate.parse("2027-01-01"), BigDecimal.TEN)))))
                .isTrue();
        assertThat(Cancellation.commits(new RecurringPaymentTerm(
                        "USD", io.offerdesk.offers.Term.BillingPeriod.MONTHLY, BigDecimal.TEN)))
                .isTrue();
        assertThat(Cancellation.commits(new VariablePaymentTerm("USD", new BigDecimal("5000.00"))))
                .isTrue();
    }

    @Test
    void usageFreeTrialsAndFreeContractsCommitNobody() {
        assertThat(Cancellation.commits(new UsageBasedPricingTerm(
                        "USD", List.of(new UsageRateCard(List.of(new Rate("calls", new BigDecimal("0.01"))))))))
                .isFalse();
        assertThat(Cancellation.commits(new FreeTrialPricingTerm(Period.ofDays(14), GRANTS)))
                .isFalse();
        assertThat(Cancellation.commits(new FixedUpfrontPricingTerm("USD", BigDecimal.ZERO, GRANTS, null)))
                .isFalse();
        assertThat(Cancellation.commits(new ByolPricingTerm())).isFalse();
        assertThat(Cancellation.commits(new SupportTerm("No refunds"))).isFalse();
    }
}
