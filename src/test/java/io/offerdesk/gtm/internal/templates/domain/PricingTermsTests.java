package io.offerdesk.gtm.internal.templates.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class PricingTermsTests {

    static final CurrencyUnit USD = CurrencyUnit.USD;
    static final PricingTerms.Product INSIGHTS = new PricingTerms.Product(
            List.of("analysts", "viewers"),
            Map.of(
                    "analysts", Map.of(12, Money.of(USD, 1200), 24, Money.of(USD, 2280)),
                    "viewers", Map.of(12, Money.of(USD, 240))),
            Map.of("events", new BigDecimal("0.85")));

    @Test
    void installmentsSumToTheTotalWithTheRemainderOnTheFirst() {
        var parts = Installments.split(Money.of(USD, new BigDecimal("100000.00")), 3);

        assertThat(parts)
                .containsExactly(
                        Money.of(USD, new BigDecimal("33333.34")),
                        Money.of(USD, new BigDecimal("33333.33")),
                        Money.of(USD, new BigDecimal("33333.33")));
        assertThat(parts.stream().reduce(Money.zero(USD), Money::plus)).isEqualTo(Money.of(USD, 100000));
        var yen = Installments.split(Money.ofMajor(CurrencyUnit.JPY, 1000), 12);
        assertThat(yen.stream().reduce(Money.zero(CurrencyUnit.JPY), Money::plus))
                .isEqualTo(Money.ofMajor(CurrencyUnit.JPY, 1000));
        assertThat(yen.getFirst()).isEqualTo(Money.ofMajor(CurrencyUnit.JPY, 87));
    }

    @Test
    void annualInAdvanceFillsGrantsAndThreeYearlyInstallmentsFromDiscountedListPrices() {
        var deal = new PricingTerms.Deal(null, new BigDecimal("30"), 10, LocalDate.parse("2027-01-31"));
        var total = PricingTerms.total(INSIGHTS, deal, 36, USD);
        // (1200 + 240) per year x 3 years x 10 units, 30 % off.
        assertThat(total).isEqualTo(Money.of(USD, new BigDecimal("30240.00")));

        var skeleton = PricingShape.ANNUAL_IN_ADVANCE.skeleton(36, "USD");
        var filled = PricingTerms.fill(skeleton, INSIGHTS, deal, total);

        assertThat(skeleton.at("/PaymentScheduleTerm/Schedule").asString()).isEqualTo("{{schedule:3:P12M}}");
        assertThat(filled.at("/ValidityTerm/AgreementDuration").asString()).isEqualTo("P36M");
        assertThat(filled.at("/PricingTerms/0/Grants/1/DimensionKey").asString())
                .isEqualTo("viewers");
        assertThat(filled.at("/PricingTerms/0/Grants/1/MaxQuantity").asInt()).isEqualTo(10);
        var schedule = filled.at("/PaymentScheduleTerm/Schedule");
        assertThat(schedule.size()).isEqualTo(3);
        assertThat(schedule.get(2).at("/ChargeDate").asString()).isEqualTo("2029-01-31");
        var sum = BigDecimal.ZERO;
        for (var charge : schedule) {
            sum = sum.add(new BigDecimal(charge.at("/ChargeAmount").asString()));
        }
        assertThat(sum).isEqualByComparingTo("30240.00");
    }

    @Test
    void monthlyInstallmentsUseTheGivenContractPrice() {
        var deal = new PricingTerms.Deal(new BigDecimal("1000.00"), BigDecimal.ZERO, 1, LocalDate.parse("2027-01-31"));
        var total = PricingTerms.total(INSIGHTS, deal, 12, USD);
        var filled = PricingTerms.fill(PricingShape.MONTHLY_INSTALLMENTS.skeleton(12, "USD"), INSIGHTS, deal, total);

        var schedule = filled.at("/PaymentScheduleTerm/Schedule");
        assertThat(schedule.size()).isEqualTo(12);
        assertThat(schedule.get(0).at("/ChargeAmount").asString()).isEqualTo("83.37");
        assertThat(schedule.get(11).at("/ChargeAmount").asString()).isEqualTo("83.33");
        assertThat(schedule.get(1).at("/ChargeDate").asString()).isEqualTo("2027-02-28");
    }

    @Test
    void upfrontPlusUsageDiscountsTheUsageRatesToo() {
        var deal = new PricingTerms.Deal(null, new BigDecimal("10"), 1, LocalDate.parse("2027-01-31"));
        var total = PricingTerms.total(INSIGHTS, deal, 24, USD);
        // analysts has a 24-month price; viewers is 240 x 24 / 12.
        assertThat(total).isEqualTo(Money.of(USD, new BigDecimal("2484.00")));
        var filled = PricingTerms.fill(PricingShape.UPFRONT_PLUS_USAGE.skeleton(24, "USD"), INSIGHTS, deal, total);

        assertThat(filled.at("/PricingTerms/0/Price").asString()).isEqualTo("2484.00");
        assertThat(filled.at("/PricingTerms/1/Type").asString()).isEqualTo("UsageBasedPricingTerm");
        assertThat(filled.at("/PricingTerms/1/RateCards/0/RateCard/0/Price").asString())
                .isEqualTo("0.765");
        assertThat(filled.has("PaymentScheduleTerm")).isFalse();
    }

    @Test
    void aProductWithoutWhatTheShapeNeedsNamesTheField() {
        var noUsage =
                new PricingTerms.Product(List.of("seats"), Map.of("seats", Map.of(12, Money.of(USD, 1))), Map.of());
        var deal = new PricingTerms.Deal(null, BigDecimal.ZERO, 1, LocalDate.parse("2027-01-31"));
        assertThatThrownBy(() -> PricingTerms.fill(
                        PricingShape.UPFRONT_PLUS_USAGE.skeleton(12, "USD"), noUsage, deal, Money.of(USD, 1)))
                .isInstanceOfSatisfying(PricingTerms.Unfillable.class, e -> {
                    assertThat(e.field()).isEqualTo("productId");
                    assertThat(e.messageKey()).isEqualTo("templates.offer.noMeteredDimension");
                });
        assertThatThrownBy(() -> PricingTerms.total(noUsage, deal, 12, CurrencyUnit.EUR))
                .isInstanceOf(PricingTerms.Unfillable.class);
        assertThat(PricingShape.ANNUAL_IN_ADVANCE.durationProblem(18)).isEqualTo("templates.pricing.wholeYears");
        assertThat(PricingShape.MONTHLY_INSTALLMENTS.durationProblem(61)).isEqualTo("templates.pricing.duration");
    }
}
