package io.offerdesk.offers.internal.domain;

import static io.offerdesk.offers.internal.domain.OfferFixtures.AVAILABILITY_END;
import static io.offerdesk.offers.internal.domain.OfferFixtures.TODAY;
import static io.offerdesk.offers.internal.domain.OfferFixtures.codes;
import static io.offerdesk.offers.internal.domain.OfferFixtures.decide;
import static io.offerdesk.offers.internal.domain.OfferFixtures.fixedUpfront;
import static io.offerdesk.offers.internal.domain.OfferFixtures.readyDraft;
import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.Offer;
import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PricingTerm;
import io.offerdesk.offers.internal.domain.OfferChange.UpdatePaymentScheduleTerms;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * Installment plans of every size, currency and spacing: the valid ones are accepted and sum exactly, each kind of
 * invalid one is refused with its own code.
 */
class PaymentSchedulePropertyTests {

    /** The currencies an installment plan may be in; yen has no minor unit. */
    static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "AUD", "JPY");

    /** A ready draft priced in {@code currency}, so that only the schedule decides. */
    static Offer draftIn(String currency) {
        return readyDraft().withTerms(PricingTerm.class, List.of(fixedUpfront(currency, "0")));
    }

    /**
     * Valid schedules: 1–60 charges in a supported currency's scale, at most one on or before the offer's expiry (not
     * before today) and the rest on distinct later days within the twelve-month agreement.
     */
    @Provide
    Arbitrary<PaymentScheduleTerm> validSchedules() {
        var currencies = Arbitraries.of(CURRENCIES);
        var sizes = Arbitraries.integers().between(1, 60);
        var backdated = Arbitraries.of(true, false);
        return Combinators.combine(currencies, sizes, backdated).flatAs((currency, size, withBackdated) -> {
            var scale = CurrencyUnit.of(currency).getDecimalPlaces();
            var amounts = Arbitraries.longs()
                    .between(0, 10_000_000_00L)
                    .map(units -> BigDecimal.valueOf(units, scale))
                    .list()
                    .ofSize(size);
            // Distinct day offsets after the expiry; the agreement runs twelve months from today.
            var laterDays = Arbitraries.integers().between(1, 300).set().ofSize(size);
            var earlyDay =
                    Arbitraries.integers().between(0, (int) (AVAILABILITY_END.toEpochDay() - TODAY.toEpochDay()));
            return Combinators.combine(amounts, laterDays, earlyDay).as((charges, days, early) -> {
                var sortedDays = days.stream().sorted().toList();
                var installments = new ArrayList<Installment>();
                for (int i = 0; i < size; i++) {
                    var date = withBackdated && i == 0
                            ? TODAY.plusDays(early)
                            : AVAILABILITY_END.plusDays(sortedDays.get(i));
                    installments.add(new Installment(date, charges.get(i)));
                }
                return new PaymentScheduleTerm(currency, installments);
            });
        });
    }

    @Property
    void acceptsEveryValidScheduleAndItsTotalIsTheSumOfItsCharges(@ForAll("validSchedules") PaymentScheduleTerm term) {
        var decision = decide(draftIn(term.currencyCode()), new UpdatePaymentScheduleTerms(term));

        assertThat(codes(decision)).isEmpty();
        var sum = term.schedule().stream().map(Installment::chargeAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(PaymentSchedules.total(term).getAmount()).isEqualByComparingTo(sum);
        assertThat(term.schedule().stream()
                        .filter(charge -> !charge.chargeDate().isAfter(AVAILABILITY_END)))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(term.schedule())
                .allSatisfy(
                        charge -> assertThat(PaymentSchedules.fitsCurrencyScale(charge.chargeAmount(), term.currency()))
                                .isTrue());
    }

    @Property
    void refusesARepeatedChargeDate(
            @ForAll("validSchedules") PaymentScheduleTerm term, @ForAll @IntRange(min = 0, max = 59) int index) {
        var schedule = new ArrayList<>(term.schedule());
        var copied = schedule.get(index % schedule.size());
        schedule.add(new Installment(copied.chargeDate(), BigDecimal.ONE));

        assertThat(refusal(term.currencyCode(), schedule)).contains("DUPLICATE_CHARGE_DATES");
    }

    @Property
    void refusesASecondChargeOnOrBeforeTheExpiry(
            @ForAll("validSchedules") PaymentScheduleTerm term,
            @ForAll @IntRange(min = 0, max = 9) int first,
            @ForAll @IntRange(min = 0, max = 9) int gap) {
        // Two distinct days from today up to the expiry (today + 10), then the valid schedule's later charges.
        var second = first + 1 + gap % (10 - first);
        var schedule = new ArrayList<Installment>();
        schedule.add(new Installment(TODAY.plusDays(first), BigDecimal.ONE));
        schedule.add(new Installment(TODAY.plusDays(second), BigDecimal.ONE));
        schedule.addAll(term.schedule().stream()
                .filter(charge -> charge.chargeDate().isAfter(AVAILABILITY_END))
                .toList());

        assertThat(refusal(term.currencyCode(), schedule)).contains("TOO_MANY_BACKDATED_CHARGES");
    }

    @Property
    void refusesAnAmountFinerThanItsCurrency(
            @ForAll("validSchedules") PaymentScheduleTerm term,
            @ForAll @IntRange(min = 0, max = 59) int index,
            @ForAll @IntRange(min = 1, max = 9) int lastDigit) {
        var schedule = new ArrayList<>(term.schedule());
        var at = index % schedule.size();
        var scale = term.currency().getDecimalPlaces() + 1;
        var finer = schedule.get(at).chargeAmount().add(BigDecimal.valueOf(lastDigit, scale));
        schedule.set(at, new Installment(schedule.get(at).chargeDate(), finer));

        assertThat(refusal(term.currencyCode(), schedule)).contains("INVALID_CHARGE_AMOUNT");
    }

    @Property
    void refusesANegativeAmount(
            @ForAll("validSchedules") PaymentScheduleTerm term,
            @ForAll @IntRange(min = 0, max = 59) int index,
            @ForAll @LongRange(min = 1, max = 1_000_000) long units) {
        var schedule = new ArrayList<>(term.schedule());
        var at = index % schedule.size();
        schedule.set(at, new Installment(schedule.get(at).chargeDate(), BigDecimal.valueOf(-units)));

        assertThat(refusal(term.currencyCode(), schedule)).contains("INVALID_CHARGE_AMOUNT");
    }

    @Property
    void refusesMoreThanSixtyCharges(@ForAll @IntRange(min = 61, max = 200) int size) {
        var schedule = new ArrayList<Installment>();
        for (int i = 1; i <= size; i++) {
            schedule.add(new Installment(AVAILABILITY_END.plusDays(i), BigDecimal.TEN));
        }

        assertThat(refusal("USD", schedule)).contains("TOO_MANY_CHARGES");
    }

    @Property
    void splitsATotalIntoPartsThatSumToIt(
            @ForAll("currencies") String currency,
            @ForAll @LongRange(min = 0, max = 1_000_000_000_00L) long minorUnits,
            @ForAll @IntRange(min = 1, max = 60) int installments) {
        var total = Money.ofMinor(CurrencyUnit.of(currency), minorUnits);

        var parts = PaymentSchedules.split(total, installments);

        assertThat(parts).hasSize(installments);
        assertThat(Money.total(parts)).isEqualTo(total);
        assertThat(parts.subList(0, installments - 1)).allMatch(part -> part.equals(parts.get(0)));
        assertThat(parts.getLast().isGreaterThan(parts.get(0))
                        || parts.getLast().equals(parts.get(0)))
                .isTrue();
        assertThat(parts.getLast().minus(parts.get(0)).getAmountMinorLong()).isLessThan(installments);
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of(CURRENCIES);
    }

    private static List<String> refusal(String currency, List<Installment> schedule) {
        var term = new PaymentScheduleTerm(currency, schedule);
        return codes(decide(draftIn(currency), new UpdatePaymentScheduleTerms(term)));
    }
}
