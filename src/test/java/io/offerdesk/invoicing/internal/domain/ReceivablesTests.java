package io.offerdesk.invoicing.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.invoicing.internal.domain.Receivables.MonthFigures;
import io.offerdesk.invoicing.internal.domain.Receivables.OpenAmount;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class ReceivablesTests {

    static final CurrencyUnit USD = CurrencyUnit.USD;
    static final LocalDate TODAY = LocalDate.parse("2030-06-15");

    @Test
    void fillsEveryMonthOfTheRangeAndRunsTheOpenAmountThroughIt() {
        var months = Receivables.months(
                YearMonth.parse("2030-01"),
                YearMonth.parse("2030-04"),
                usd("100.00"),
                List.of(
                        new MonthFigures(
                                YearMonth.parse("2030-01"), usd("1000.00"), usd("0.00"), usd("600.00"), usd("0.00")),
                        new MonthFigures(
                                YearMonth.parse("2030-03"),
                                usd("1000.00"),
                                usd("250.00"),
                                usd("500.01"),
                                usd("80.00"))));

        assertThat(months)
                .extracting(m -> m.month().toString())
                .containsExactly("2030-01", "2030-02", "2030-03", "2030-04");
        assertThat(months)
                .extracting(m -> m.openAtEnd().toString())
                .containsExactly("USD 500.00", "USD 500.00", "USD 749.99", "USD 749.99");
        assertThat(months.get(1).billed()).isEqualTo(usd("0.00"));
        assertThat(months.get(2).resoldWholesale()).isEqualTo(usd("80.00"));
    }

    @Test
    void aRefundAfterACreditMemoLeavesWhatIsOpenAsItWas() {
        // An invoice of 100 paid in full; a credit memo of 30 against it is refunded: collected goes down by 30.
        var months = Receivables.months(
                YearMonth.parse("2030-01"),
                YearMonth.parse("2030-02"),
                usd("0.00"),
                List.of(
                        new MonthFigures(
                                YearMonth.parse("2030-01"), usd("100.00"), usd("0.00"), usd("100.00"), usd("0.00")),
                        new MonthFigures(
                                YearMonth.parse("2030-02"), usd("0.00"), usd("30.00"), usd("-30.00"), usd("0.00"))));

        assertThat(months).extracting(Receivables.Month::openAtEnd).containsOnly(usd("0.00"));
    }

    @Test
    void refusesFiguresOutsideTheRangeTwiceForAMonthAndARangeBackwards() {
        var march = MonthFigures.none(YearMonth.parse("2030-03"), USD);

        assertThatThrownBy(() -> Receivables.months(
                        YearMonth.parse("2030-01"), YearMonth.parse("2030-02"), usd("0.00"), List.of(march)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Receivables.months(
                        YearMonth.parse("2030-01"), YearMonth.parse("2030-03"), usd("0.00"), List.of(march, march)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Receivables.months(
                        YearMonth.parse("2030-02"), YearMonth.parse("2030-01"), usd("0.00"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bucketsByDaysPastTheDueDate() {
        assertThat(AgingBucket.of(TODAY.plusDays(10), TODAY)).isEqualTo(AgingBucket.CURRENT);
        assertThat(AgingBucket.of(TODAY, TODAY)).isEqualTo(AgingBucket.CURRENT);
        assertThat(AgingBucket.of(TODAY.minusDays(1), TODAY)).isEqualTo(AgingBucket.DAYS_1_30);
        assertThat(AgingBucket.of(TODAY.minusDays(30), TODAY)).isEqualTo(AgingBucket.DAYS_1_30);
        assertThat(AgingBucket.of(TODAY.minusDays(31), TODAY)).isEqualTo(AgingBucket.DAYS_31_60);
        assertThat(AgingBucket.of(TODAY.minusDays(60), TODAY)).isEqualTo(AgingBucket.DAYS_31_60);
        assertThat(AgingBucket.of(TODAY.minusDays(61), TODAY)).isEqualTo(AgingBucket.DAYS_61_90);
        assertThat(AgingBucket.of(TODAY.minusDays(90), TODAY)).isEqualTo(AgingBucket.DAYS_61_90);
        assertThat(AgingBucket.of(TODAY.minusDays(91), TODAY)).isEqualTo(AgingBucket.OVER_90);
        assertThat(AgingBucket.of(TODAY.minusYears(3), TODAY)).isEqualTo(AgingBucket.OVER_90);
    }

    @Test
    void sumsOpenAmountsPerBucketWithEveryBucketPresent() {
        var aging = Receivables.aging(
                USD,
                List.of(
                        new OpenAmount(TODAY.plusDays(3), usd("10.00")),
                        new OpenAmount(TODAY.minusDays(5), usd("20.00")),
                        new OpenAmount(TODAY.minusDays(29), usd("0.01")),
                        new OpenAmount(TODAY.minusDays(100), usd("7.00"))),
                TODAY);

        assertThat(aging)
                .containsExactly(
                        java.util.Map.entry(AgingBucket.CURRENT, usd("10.00")),
                        java.util.Map.entry(AgingBucket.DAYS_1_30, usd("20.01")),
                        java.util.Map.entry(AgingBucket.DAYS_31_60, usd("0.00")),
                        java.util.Map.entry(AgingBucket.DAYS_61_90, usd("0.00")),
                        java.util.Map.entry(AgingBucket.OVER_90, usd("7.00")));
    }

    private static Money usd(String amount) {
        return Money.of(USD, new java.math.BigDecimal(amount));
    }
}
