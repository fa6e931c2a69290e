package io.offerdesk.invoicing.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.invoicing.internal.domain.AgingBucket;
import io.offerdesk.invoicing.internal.domain.Receivables;
import io.offerdesk.invoicing.internal.domain.Receivables.MonthFigures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class RevenueChartsTests {

    static final RevenueCharts.Names NAMES =
            new RevenueCharts.Names("Billed", "Credited", "Collected", "Open", "Resold");

    @Test
    void drawsBilledCollectedAndCreditedAsBarsAndWhatWasOpenAsALineWithDecimalAmounts() {
        var months = Receivables.months(
                YearMonth.parse("2030-01"),
                YearMonth.parse("2030-02"),
                Money.parse("USD 0.00"),
                List.of(new MonthFigures(
                        YearMonth.parse("2030-02"),
                        Money.parse("USD 1000.00"),
                        Money.parse("USD 0.00"),
                        Money.parse("USD 400.10"),
                        Money.parse("USD 0.00"))));

        var option = RevenueCharts.monthly(months, NAMES, false);

        assertThat(option.get("xAxis")).isEqualTo(Map.of("type", "category", "data", List.of("2030-01", "2030-02")));
        List<Map<String, Object>> series = get(option, "series");
        assertThat(series).extracting(s -> s.get("name")).containsExactly("Billed", "Collected", "Credited", "Open");
        assertThat(series).extracting(s -> s.get("type")).containsExactly("bar", "bar", "bar", "line");
        assertThat(series.get(0).get("data")).isEqualTo(List.of(new BigDecimal("0.00"), new BigDecimal("1000.00")));
        assertThat(series.get(3).get("data")).isEqualTo(List.of(new BigDecimal("0.00"), new BigDecimal("599.90")));
    }

    @Test
    void addsTheResoldWholesaleForAnIsv() {
        var months = Receivables.months(
                YearMonth.parse("2030-01"), YearMonth.parse("2030-01"), Money.parse("USD 0.00"), List.of());

        var option = RevenueCharts.monthly(months, NAMES, true);

        List<Map<String, Object>> series = get(option, "series");
        assertThat(series).extracting(s -> s.get("name")).endsWith("Resold");
    }

    @Test
    void drawsTheAgingBucketsInTheirOrder() {
        var aging = Receivables.aging(
                CurrencyUnit.USD,
                List.of(new Receivables.OpenAmount(LocalDate.parse("2030-01-01"), Money.parse("USD 12.34"))),
                LocalDate.parse("2030-03-15"));

        var option = RevenueCharts.aging(CurrencyUnit.USD, aging, AgingBucket::name);

        Map<String, Object> x = get(option, "xAxis");
        assertThat(x.get("data")).isEqualTo(List.of("CURRENT", "DAYS_1_30", "DAYS_31_60", "DAYS_61_90", "OVER_90"));
        List<Map<String, Object>> series = get(option, "series");
        assertThat(series.getFirst().get("data"))
                .isEqualTo(List.of(
                        new BigDecimal("0.00"),
                        new BigDecimal("0.00"),
                        new BigDecimal("0.00"),
                        new BigDecimal("12.34"),
                        new BigDecimal("0.00")));
    }

    @SuppressWarnings("unchecked")
    static <T> T get(Map<String, Object> option, String key) {
        return (T) Objects.requireNonNull(option.get(key), key);
    }
}
