package io.offerdesk.analytics.internal.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.Term;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentScheduleTests {

    static final LocalDate DAY = LocalDate.parse("2031-01-10");

    @Test
    void oneChargeIsPaidUpFrontSeveralInInstallments() {
        var upfront = new Term.FixedUpfrontPricingTerm("USD", BigDecimal.ZERO, List.of(), null);

        assertThat(PaymentSchedule.of(offer(upfront, schedule(1)))).isEqualTo(PaymentSchedule.UPFRONT);
        assertThat(PaymentSchedule.of(offer(upfront, schedule(3)))).isEqualTo(PaymentSchedule.INSTALLMENTS);
    }

    @Test
    void withoutAScheduleThePricingSaysHowItIsPaid() {
        assertThat(PaymentSchedule.of(
                        offer(new Term.RecurringPaymentTerm("USD", Term.BillingPeriod.MONTHLY, BigDecimal.TEN))))
                .isEqualTo(PaymentSchedule.SUBSCRIPTION);
        assertThat(PaymentSchedule.of(offer(new Term.UsageBasedPricingTerm("USD", List.of()))))
                .isEqualTo(PaymentSchedule.USAGE);
        assertThat(PaymentSchedule.of(offer(new Term.ByolPricingTerm()))).isEqualTo(PaymentSchedule.BYOL);
        assertThat(PaymentSchedule.of(offer())).isEqualTo(PaymentSchedule.FREE);
    }

    private static Term.PaymentScheduleTerm schedule(int charges) {
        return new Term.PaymentScheduleTerm(
                "USD",
                java.util.stream.IntStream.range(0, charges)
                        .mapToObj(i -> new Term.Installment(DAY.plusMonths(i), new BigDecimal("100.00")))
                        .toList());
    }

    private static Offer offer(Term... terms) {
        var offer = Offer.draft(OfferId.fresh(new Random(7)), UUID.randomUUID(), "prod-x", null, Instant.EPOCH);
        for (var term : terms) {
            offer = offer.withTerms(term.getClass(), List.of(term));
        }
        return offer;
    }
}
