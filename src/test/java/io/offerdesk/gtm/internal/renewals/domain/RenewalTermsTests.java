package io.offerdesk.gtm.internal.renewals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.gtm.internal.templates.domain.RenewalMode;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.Grant;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.UsageRateCard;
import io.offerdesk.offers.Term.ValidityTerm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class RenewalTermsTests {

    private static final LocalDate OLD_START = LocalDate.parse("2026-03-01");
    private static final LocalDate OLD_END = LocalDate.parse("2027-03-01");
    private static final LocalDate TODAY = LocalDate.parse("2027-01-10");

    @Test
    void aPriceIsRaisedInOneRoundingStepHalfUp() {
        var usd = CurrencyUnit.USD;
        assertThat(RenewalTerms.raised(Money.of(usd, new BigDecimal("100.00")), new BigDecimal("7.50")))
                .isEqualTo(Money.of(usd, new BigDecimal("107.50")));
        // 33.33 × 1.035 = 34.49655: once to the cent, not per step.
        assertThat(RenewalTerms.raised(Money.of(usd, new BigDecimal("33.33")), new BigDecimal("3.50")))
                .isEqualTo(Money.of(usd, new BigDecimal("34.50")));
        var yen = CurrencyUnit.JPY;
        assertThat(RenewalTerms.raised(Money.ofMajor(yen, 999), new BigDecimal("5")))
                .isEqualTo(Money.ofMajor(yen, 1049));
        assertThat(RenewalTerms.raised(Money.zero(usd), new BigDecimal("10"))).isEqualTo(Money.zero(usd));
    }

    @Test
    void installmentsAreRaisedTogetherAndTheLargestTakesTheRemainder() {
        var old = new PaymentScheduleTerm(
                "USD",
                List.of(
                        new Installment(OLD_START, new BigDecimal("33.33")),
                        new Installment(OLD_START.plusMonths(1), new BigDecimal("33.33")),
                        new Installment(OLD_START.plusMonths(2), new BigDecimal("33.34"))));

        var renewed = RenewalTerms.schedule(old, new BigDecimal("3.50"), OLD_START, OLD_END.plusDays(1));

        // 100.00 raised is 103.50; two thirds-ish round down, the largest old installment gets the rest.
        assertThat(renewed.schedule())
                .extracting(Installment::chargeAmount)
                .containsExactly(new BigDecimal("34.49"), new BigDecimal("34.49"), new BigDecimal("34.52"));
        assertThat(renewed.schedule())
                .extracting(Installment::chargeDate)
                .containsExactly(
                        LocalDate.parse("2027-03-02"), LocalDate.parse("2027-04-02"), LocalDate.parse("2027-05-02"));
    }

    @Property(tries = 500)
    void raisedInstallmentsSumToTheRaisedTotalAndNoneIsNegative(
            @ForAll("schedules") List<Long> minorAmounts,
            @ForAll @IntRange(min = 0, max = 10_000) int increaseBasisPoints) {
        var percent = BigDecimal.valueOf(increaseBasisPoints, 2);
        var usd = CurrencyUnit.USD;
        var installments = new ArrayList<Installment>();
        for (int i = 0; i < minorAmounts.size(); i++) {
            installments.add(new Installment(
                    OLD_START.plusMonths(i),
                    Money.ofMinor(usd, minorAmounts.get(i)).getAmount()));
        }
        var old = new PaymentScheduleTerm("USD", installments);
        var oldTotal =
                installments.stream().map(i -> Money.of(usd, i.chargeAmount())).reduce(Money.zero(usd), Money::plus);

        var renewed = RenewalTerms.schedule(old, percent, OLD_START, OLD_END.plusDays(1));

        var newTotal = renewed.schedule().stream()
                .map(i -> Money.of(usd, i.chargeAmount()))
                .reduce(Money.zero(usd), Money::plus);
        assertThat(newTotal).isEqualTo(RenewalTerms.raised(oldTotal, percent));
        assertThat(renewed.schedule())
                .allSatisfy(i -> assertThat(i.chargeAmount().signum()).isNotNegative());
        assertThat(renewed.schedule()).extracting(Installment::chargeDate).doesNotHaveDuplicates();
    }

    @Provide
    Arbitrary<List<Long>> schedules() {
        return Arbitraries.longs()
                .between(0, 10_000_000_00L)
                .list()
                .ofMinSize(1)
                .ofMaxSize(60);
    }

    @Test
    void theRenewalRunsAsLongAsTheOldTermFromTheDayAfterItsEnd() {
        var fdaDates = RenewalTerms.Dates.of(RenewalMode.FUTURE_DATED, OLD_START, OLD_END, TODAY);
        assertThat(fdaDates.start()).isEqualTo(LocalDate.parse("2027-03-02"));
        assertThat(fdaDates.end()).isEqualTo(LocalDate.parse("2028-03-02"));
        assertThat(fdaDates.expiry()).isEqualTo(LocalDate.parse("2027-02-28"));
        assertThat(RenewalTerms.validity(RenewalMode.FUTURE_DATED, fdaDates))
                .isEqualTo(new ValidityTerm(null, fdaDates.start(), fdaDates.end()));
        assertThat(RenewalTerms.validity(RenewalMode.REPLACEMENT, fdaDates))
                .isEqualTo(new ValidityTerm(null, null, fdaDates.end()));

        var newOffer = RenewalTerms.Dates.of(RenewalMode.NEW_OFFER, OLD_START, OLD_END, TODAY);
        assertThat(newOffer.expiry()).isEqualTo(OLD_END.plusDays(RenewalTerms.NEW_OFFER_OPEN_DAYS));
        // Drafted on the old end's last day, an offer expiring before it would never be open.
        var late = RenewalTerms.Dates.of(RenewalMode.REPLACEMENT, OLD_START, OLD_END, OLD_END);
        assertThat(late.expiry()).isEqualTo(OLD_END);
    }

    @Test
    void theAcceptedTermsAreRenewedWithoutRenewalTermOrTrialAndWithTheNewValidity() {
        var accepted = List.<Term>of(
                new FixedUpfrontPricingTerm("USD", new BigDecimal("1200.00"), List.of(new Grant("seats", 10)), null),
                new UsageBasedPricingTerm(
                        "USD", List.of(new UsageRateCard(List.of(new Rate("calls", new BigDecimal("0.01")))))),
                new ValidityTerm(Period.ofMonths(12), null, null),
                new RenewalTerm(null, null, 1, new Term.PriceIncrease.FixedPercentage(BigDecimal.ONE), null),
                new Term.FreeTrialPricingTerm(Period.ofDays(30), List.of()),
                new Term.SupportTerm("Refunds within 30 days."));
        var dates = RenewalTerms.Dates.of(RenewalMode.REPLACEMENT, OLD_START, OLD_END, TODAY);
        var validity = RenewalTerms.validity(RenewalMode.REPLACEMENT, dates);

        var renewed = RenewalTerms.renewed(accepted, new BigDecimal("3.50"), OLD_START, dates, validity);

        assertThat(renewed)
                .containsExactly(
                        new FixedUpfrontPricingTerm(
                                "USD", new BigDecimal("1242.00"), List.of(new Grant("seats", 10)), null),
                        new UsageBasedPricingTerm(
                                "USD",
                                List.of(new UsageRateCard(List.of(new Rate("calls", new BigDecimal("0.01035")))))),
                        validity,
                        new Term.SupportTerm("Refunds within 30 days."));
    }

    @Test
    void aPartnersMarkupRisesSoTheBuyerPriceRisesByTheIncrease() {
        // Wholesale 100 at 20 % markup is 120; 10 % more is 132, i.e. 32 % on the same wholesale.
        assertThat(RenewalTerms.raisedMarkup(new BigDecimal("20"), new BigDecimal("10")))
                .isEqualByComparingTo("32.00");
        assertThat(RenewalTerms.raisedRate(new BigDecimal("0.123456789"), new BigDecimal("1")))
                .isEqualByComparingTo("0.12469136");
    }
}
