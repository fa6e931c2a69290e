package io.offerdesk.agreements.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.offers.Term.Installment;
import io.offerdesk.offers.Term.PaymentScheduleTermTemplate;
import io.offerdesk.offers.Term.TemplateCharge;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** Renewal installments from templates of every size and split: they always sum to the renewal price exactly. */
class RenewalSchedulePropertyTests {

    /**
     * Templates of 1–86 charges whose percentages (0.01–100, two decimals) sum to 100, as the offer's rules require:
     * cut points on the 10,000 hundredths of a percent.
     */
    @Provide
    Arbitrary<PaymentScheduleTermTemplate> templates() {
        return Arbitraries.integers()
                .between(1, 86)
                .flatMap(size -> Arbitraries.integers()
                        .between(1, 9_999)
                        .set()
                        .ofSize(size - 1)
                        .map(cuts -> {
                            var points = new ArrayList<>(cuts);
                            points.add(0);
                            points.add(10_000);
                            points.sort(Integer::compareTo);
                            var charges = new ArrayList<TemplateCharge>();
                            for (int i = 1; i < points.size(); i++) {
                                charges.add(new TemplateCharge(
                                        Period.ofMonths(i - 1),
                                        BigDecimal.valueOf(points.get(i) - points.get(i - 1), 2),
                                        null));
                            }
                            return new PaymentScheduleTermTemplate(charges);
                        }));
    }

    @Provide
    Arbitrary<Money> prices() {
        var currencies = Arbitraries.of("USD", "EUR", "GBP", "AUD", "JPY").map(CurrencyUnit::of);
        return Combinators.combine(currencies, Arbitraries.longs().between(0, 100_000_000_00L))
                .as((currency, units) -> Money.of(currency, BigDecimal.valueOf(units, currency.getDecimalPlaces())));
    }

    @Property
    void installmentsSumToThePriceAndNoneIsNegative(
            @ForAll("templates") PaymentScheduleTermTemplate template, @ForAll("prices") Money price) {
        List<Installment> installments = Renewals.installments(template, price, LocalDate.parse("2028-01-01"));

        assertThat(installments).hasSameSizeAs(template.schedule());
        var sum = installments.stream().map(Installment::chargeAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(price.getAmount());
        assertThat(installments).allSatisfy(i -> {
            assertThat(i.chargeAmount().signum()).isNotNegative();
            assertThat(i.chargeAmount().scale())
                    .isEqualTo(price.getCurrencyUnit().getDecimalPlaces());
        });
    }
}
