package io.offerdesk.agreements.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.agreements.ChargeTiming;
import io.offerdesk.agreements.ExpectedCharge;
import io.offerdesk.agreements.RequestedTerm;
import io.offerdesk.agreements.TermConfiguration;
import io.offerdesk.agreements.TermConfiguration.ContractConfiguration;
import io.offerdesk.agreements.TermConfiguration.DimensionQuantity;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.Constraint;
import io.offerdesk.offers.Term.Constraints;
import io.offerdesk.offers.Term.ContractRateCard;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.Grant;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.RecurringPaymentTerm;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.UsageRateCard;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.shared.InvalidInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Pricing quotes: dates, expected charges and agreement values by AWS's rules, and refusals of bad requests. */
class QuotesTests {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    static final String ENTITY = "Offerdesk Marketplace";

    @Test
    void schedulesInstallmentsAtMidnightAndInvoicesAPastDueOneOnAcceptance() {
        var offer = offer(
                new FixedUpfrontPricingTerm("USD", BigDecimal.ZERO, List.of(new Grant("users", 10)), null),
                new ValidityTerm(Period.ofMonths(12), null, null),
                new PaymentScheduleTerm(
                        "USD",
                        List.of(
                                new Installment(TODAY, new BigDecimal("500.00")),
                                new Installment(TODAY.plusMonths(1), new BigDecimal("250.50")),
                                new Installment(TODAY.plusMonths(2), new BigDecimal("249.50")))));

        var quote = Quotes.quote(offer, all(offer), NOW, ENTITY);

        var charges = quote.charges().expectedCharges();
        assertThat(charges)
                .extracting(ExpectedCharge::timing)
                .containsExactly(ChargeTiming.ON_ACCEPTANCE, ChargeTiming.SCHEDULED, ChargeTiming.SCHEDULED);
        assertThat(charges.get(0).time()).isEqualTo(NOW);
        assertThat(charges.get(1).time()).isEqualTo(Instant.parse("2026-04-10T00:00:00Z"));
        assertThat(quote.charges().agreementValue().getAmount()).isEqualByComparingTo("1000.00");
        assertThat(quote.charges().startTime()).isEqualTo(NOW);
        assertThat(quote.charges().endTime()).isEqualTo(Instant.parse("2027-03-10T12:00:00Z"));
        assertThat(quote.terms()).allSatisfy(term -> assertThat(term.id()).isEqualTo(offer.termId(term.term())));
    }

    @Test
    void pricesTheChosenContractOnceRoundedAndEndsAfterItsDuration() {
        var contract = new ConfigurableUpfrontPricingTerm(
                "USD", List.of(card(Period.ofMonths(12), "10.005"), card(Period.ofMonths(24), "18.00")));
        var offer = offer(contract);
        var chosen = new ContractConfiguration(
                Period.ofMonths(12), List.of(new DimensionQuantity("users", 3), new DimensionQuantity("admins", 1)));

        var quote = Quotes.quote(offer, List.of(new RequestedTerm(offer.termId(contract), chosen)), NOW, ENTITY);

        // 3 × 10.005 + 1 × 10.005 = 40.02 exactly; no rounding happens per dimension.
        assertThat(quote.charges().expectedCharges()).singleElement().satisfies(charge -> {
            assertThat(charge.amount().getAmount()).isEqualByComparingTo("40.02");
            assertThat(charge.timing()).isEqualTo(ChargeTiming.ON_ACCEPTANCE);
        });
        assertThat(quote.charges().endTime()).isEqualTo(Instant.parse("2027-03-10T12:00:00Z"));
    }

    @Test
    void valuesUsageAtNothingAndHasNoEnd() {
        var offer = offer(new UsageBasedPricingTerm(
                "USD", List.of(new UsageRateCard(List.of(new Rate("requests", new BigDecimal("0.001")))))));

        var quote = Quotes.quote(offer, all(offer), NOW, ENTITY);

        assertThat(quote.charges().agreementValue().isZero()).isTrue();
        assertThat(quote.charges().expectedCharges()).isEmpty();
        assertThat(quote.charges().usageBilled()).isTrue();
        assertThat(quote.charges().endTime()).isNull();
    }

    @Test
    void chargesEveryBillingPeriodOfASubscription() {
        var offer = offer(
                new RecurringPaymentTerm("USD", Term.BillingPeriod.MONTHLY, new BigDecimal("99.00")),
                new ValidityTerm(Period.ofMonths(3), null, null));

        var quote = Quotes.quote(offer, all(offer), NOW, ENTITY);

        assertThat(quote.charges().expectedCharges())
                .extracting(ExpectedCharge::timing)
                .containsOnly(ChargeTiming.BILLING_PERIOD)
                .hasSize(3);
        assertThat(quote.charges().agreementValue().getAmount()).isEqualByComparingTo("297.00");
    }

    @Test
    void startsAFutureDatedAgreementOnItsDateAndEndsItAtTheLastMillisecond() {
        var offer = offer(
                new FixedUpfrontPricingTerm("USD", new BigDecimal("1200.00"), List.of(new Grant("users", 5)), null),
                new ValidityTerm(null, TODAY.plusMonths(2), TODAY.plusMonths(14)));

        var quote = Quotes.quote(offer, all(offer), NOW, ENTITY);

        assertThat(quote.charges().startTime()).isEqualTo(Instant.parse("2026-05-10T00:00:00Z"));
        assertThat(quote.charges().endTime()).isEqualTo(Instant.parse("2027-05-10T23:59:59.999Z"));
        assertThat(quote.charges().expectedCharges().getFirst().time()).isEqualTo(NOW);
    }

    @Test
    void refusesAnExpiredOffer() {
        var offer =
                offer(new ValidityTerm(Period.ofMonths(12), null, null)).withAvailabilityEndDate(TODAY.minusDays(1));

        assertThatThrownBy(() -> Quotes.quote(offer, all(offer), NOW, ENTITY))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refusal -> assertThat(refusal.violations().getFirst().code())
                                .isEqualTo("agreement.EXPIRED_AGREEMENT_PROPOSAL"));
    }

    @Test
    void namesEveryMissingUnknownOrMisconfiguredTerm() {
        var contract = new ConfigurableUpfrontPricingTerm("USD", List.of(card(Period.ofMonths(12), "10.00")));
        var renewal = new RenewalTerm(null, null, 2, null, null);
        var validity = new ValidityTerm(Period.ofMonths(12), null, null);
        var offer = offer(contract, renewal, validity);

        var requested = List.of(
                new RequestedTerm("term-unknown", null),
                new RequestedTerm(
                        offer.termId(contract),
                        new ContractConfiguration(Period.ofMonths(36), List.of(new DimensionQuantity("users", 1)))),
                new RequestedTerm(offer.termId(renewal), null));

        assertThatThrownBy(() -> Quotes.quote(offer, requested, NOW, ENTITY))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refusal -> assertThat(refusal.violations())
                                .extracting(v -> v.field() + " " + v.code())
                                .containsExactly(
                                        "requestedTerms[0].id agreement.INVALID_REQUESTED_TERM_ID",
                                        "requestedTerms[1].configuration.selectorValue"
                                                + " agreement.INVALID_REQUESTED_TERM_CONFIGURATION",
                                        "requestedTerms[2].configuration agreement.MISSING_REQUESTED_TERM_CONFIGURATION",
                                        "requestedTerms agreement.MISSING_MANDATORY_TERMS"));
    }

    @Test
    void refusesQuantitiesTheContractDoesNotLetTheBuyerChoose() {
        var contract = new ConfigurableUpfrontPricingTerm(
                "USD",
                List.of(new ContractRateCard(
                        Period.ofMonths(12),
                        new Constraints(Constraint.DISALLOWED, Constraint.DISALLOWED),
                        List.of(new Rate("users", BigDecimal.TEN), new Rate("admins", BigDecimal.ONE)))));
        var offer = offer(contract);
        var chosen = new ContractConfiguration(
                Period.ofMonths(12), List.of(new DimensionQuantity("users", 2), new DimensionQuantity("admins", 1)));

        assertThatThrownBy(() ->
                        Quotes.quote(offer, List.of(new RequestedTerm(offer.termId(contract), chosen)), NOW, ENTITY))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refusal -> assertThat(refusal.violations())
                                .extracting(v -> v.field())
                                .containsExactly(
                                        "requestedTerms[0].configuration.dimensions[0].dimensionValue",
                                        "requestedTerms[0].configuration.dimensions"));
    }

    @Test
    void refusesAConfigurationOnATermThatTakesNone() {
        var validity = new ValidityTerm(Period.ofMonths(12), null, null);
        var offer = offer(validity);

        assertThatThrownBy(() -> Quotes.quote(
                        offer,
                        List.of(new RequestedTerm(
                                offer.termId(validity), new TermConfiguration.RenewalConfiguration(true))),
                        NOW,
                        ENTITY))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refusal -> assertThat(refusal.violations().getFirst().code())
                                .isEqualTo("agreement.INVALID_REQUESTED_TERM_CONFIGURATION"));
    }

    private static ContractRateCard card(Period duration, String price) {
        return new ContractRateCard(
                duration,
                new Constraints(Constraint.ALLOWED, Constraint.ALLOWED),
                List.of(new Rate("users", new BigDecimal(price)), new Rate("admins", new BigDecimal(price))));
    }

    private static Offer offer(Term... terms) {
        var draft = Offer.draft(
                new OfferId("offer-abcdefghijklm"), UUID.randomUUID(), "prod-abcdefghijklm", "Quote test", NOW);
        return draft.withTerms(Term.class, List.of(terms))
                .withAvailabilityEndDate(TODAY.plusDays(10))
                .released(NOW);
    }

    private static List<RequestedTerm> all(Offer offer) {
        return offer.terms().stream()
                .map(term -> new RequestedTerm(offer.termId(term), configurationFor(term)))
                .toList();
    }

    private static @Nullable TermConfiguration configurationFor(Term term) {
        return term instanceof RenewalTerm ? new TermConfiguration.RenewalConfiguration(true) : null;
    }
}
