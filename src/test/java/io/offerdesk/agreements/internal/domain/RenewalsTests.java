package io.offerdesk.agreements.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.TermConfiguration.ContractConfiguration;
import io.offerdesk.agreements.TermConfiguration.DimensionQuantity;
import io.offerdesk.agreements.TermConfiguration.RenewalConfiguration;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.Constraint;
import io.offerdesk.offers.Term.Constraints;
import io.offerdesk.offers.Term.ContractRateCard;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.Grant;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PaymentScheduleTermTemplate;
import io.offerdesk.offers.Term.PriceIncrease;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.TemplateCharge;
import io.offerdesk.offers.Term.ValidityTerm;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class RenewalsTests {

    static final CurrencyUnit USD = CurrencyUnit.USD;
    static final Instant START = Instant.parse("2027-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2027-12-31T23:59:59.999Z");

    static RenewalTerm renewal(PriceIncrease increase, PaymentScheduleTermTemplate template) {
        return new RenewalTerm(Period.ofDays(10), Period.ofDays(20), 2, increase, template);
    }

    @Test
    void appliesTheFixedPercentageOrTheChosenValueOrTheDefaultOfARange() {
        var fixed = new RenewalTerm(null, null, null, new PriceIncrease.FixedPercentage(new BigDecimal("5")), null);
        var range = new RenewalTerm(
                null,
                null,
                null,
                new PriceIncrease.PercentageRange(new BigDecimal("2"), new BigDecimal("8"), new BigDecimal("4")),
                null);

        assertThat(Renewals.priceIncrease(fixed, new BigDecimal("7"))).isEqualByComparingTo("5");
        assertThat(Renewals.priceIncrease(range, new BigDecimal("7"))).isEqualByComparingTo("7");
        assertThat(Renewals.priceIncrease(range, null)).isEqualByComparingTo("4");
        assertThat(Renewals.priceIncrease(new RenewalTerm(null, null, null, null, null), null))
                .isZero();
    }

    @Test
    void renewsFromTheMillisecondAfterTheEndForAsLongWithIncreasedContractPrices() {
        var contract = new ConfigurableUpfrontPricingTerm(
                "USD",
                List.of(new ContractRateCard(
                        Period.ofMonths(12),
                        new Constraints(Constraint.ALLOWED, Constraint.ALLOWED),
                        List.of(new Rate("analysts", new BigDecimal("20.000"))))));
        var validity = new ValidityTerm(null, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"));
        var terms = List.of(
                new AcceptedTerm(
                        "term-a",
                        contract,
                        new ContractConfiguration(Period.ofMonths(12), List.of(new DimensionQuantity("analysts", 3)))),
                new AcceptedTerm("term-b", validity, null),
                new AcceptedTerm(
                        "term-c", new RenewalTerm(null, null, null, null, null), new RenewalConfiguration(true)));

        var renewal = Renewals.renew(START, END, terms, USD, new BigDecimal("3.5"));

        assertThat(renewal.startTime()).isEqualTo("2028-01-01T00:00:00Z");
        // 2027 has 365 days; the renewal runs as long, into leap year 2028.
        assertThat(renewal.endTime()).isEqualTo("2028-12-30T23:59:59.999Z");
        var renewedContract =
                (ConfigurableUpfrontPricingTerm) renewal.terms().get(0).term();
        assertThat(renewedContract.rateCards().getFirst().rateCard().getFirst().price())
                .isEqualByComparingTo("20.700");
        assertThat(renewal.terms().get(0).configuration())
                .isEqualTo(terms.get(0).configuration());
        assertThat(renewal.terms().get(1).term())
                .isEqualTo(new ValidityTerm(null, LocalDate.parse("2028-01-01"), LocalDate.parse("2028-12-30")));
        assertThat(renewal.terms().get(2)).isEqualTo(terms.get(2));
        assertThat(renewal.terms()).extracting(AcceptedTerm::id).containsExactly("term-a", "term-b", "term-c");
    }

    @Test
    void rebuildsTheScheduleFromTheTemplateAsSharesOfTheIncreasedTotal() {
        var template = new PaymentScheduleTermTemplate(List.of(
                new TemplateCharge(Period.ZERO, new BigDecimal("33.33"), null),
                new TemplateCharge(Period.ofMonths(1), new BigDecimal("33.33"), 31),
                new TemplateCharge(Period.ofMonths(2), new BigDecimal("33.34"), null)));
        var schedule = new PaymentScheduleTerm(
                "USD",
                List.of(
                        new Installment(LocalDate.parse("2027-01-01"), new BigDecimal("500.00")),
                        new Installment(LocalDate.parse("2027-06-01"), new BigDecimal("500.00"))));
        var terms = List.of(
                new AcceptedTerm(
                        "term-f",
                        new FixedUpfrontPricingTerm(
                                "USD", new BigDecimal("0.00"), List.of(new Grant("analysts", 10)), null),
                        null),
                new AcceptedTerm("term-s", schedule, null),
                new AcceptedTerm(
                        "term-r",
                        renewal(new PriceIncrease.FixedPercentage(new BigDecimal("10")), template),
                        new RenewalConfiguration(true)));

        var renewal = Renewals.renew(START, END, terms, USD, new BigDecimal("10"));

        var fixed = (FixedUpfrontPricingTerm) renewal.terms().get(0).term();
        assertThat(fixed.price()).isEqualByComparingTo("0");
        var renewed = (PaymentScheduleTerm) renewal.terms().get(1).term();
        assertThat(renewed.schedule())
                .containsExactly(
                        new Installment(LocalDate.parse("2028-01-01"), new BigDecimal("366.63")),
                        new Installment(LocalDate.parse("2028-02-29"), new BigDecimal("366.63")),
                        new Installment(LocalDate.parse("2028-03-01"), new BigDecimal("366.74")));
        var charges = Quotes.charges(
                renewal.terms(), USD, renewal.startTime(), renewal.endTime(), renewal.startTime(), "Offerdesk");
        assertThat(charges.agreementValue()).isEqualTo(Money.of(USD, new BigDecimal("1100.00")));
    }

    @Test
    void givesTheRemainderToTheLastInstallment() {
        var template = new PaymentScheduleTermTemplate(List.of(
                new TemplateCharge(Period.ZERO, new BigDecimal("50"), null),
                new TemplateCharge(Period.ofMonths(6), new BigDecimal("50"), null)));

        var installments =
                Renewals.installments(template, Money.of(USD, new BigDecimal("0.03")), LocalDate.parse("2028-01-01"));

        assertThat(installments)
                .extracting(Installment::chargeAmount)
                .containsExactly(new BigDecimal("0.01"), new BigDecimal("0.02"));
        assertThat(installments.get(1).chargeDate()).isEqualTo("2028-07-01");
    }

    @Test
    void locksOutAndClosesAdjustmentsBeforeTheEnd() {
        var range = new PriceIncrease.PercentageRange(BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("5"));
        var term = new RenewalTerm(Period.ofDays(10), Period.ofDays(20), null, range, null);

        assertThat(Renewals.lockoutStart(term, END)).isEqualTo("2027-12-21T23:59:59.999Z");
        assertThat(Renewals.adjustmentDeadline(term, END)).isEqualTo("2027-12-11T23:59:59.999Z");
        assertThat(Renewals.lockedOut(term, END, Instant.parse("2027-12-21T23:59:59.998Z")))
                .isFalse();
        assertThat(Renewals.lockedOut(term, END, Instant.parse("2027-12-21T23:59:59.999Z")))
                .isTrue();
        var fixed = new RenewalTerm(null, null, null, new PriceIncrease.FixedPercentage(BigDecimal.ONE), null);
        assertThat(Renewals.adjustmentDeadline(fixed, END)).isNull();
        assertThat(Renewals.lockedOut(fixed, END, END)).isFalse();
    }
}
