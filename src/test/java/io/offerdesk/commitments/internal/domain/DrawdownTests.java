package io.offerdesk.commitments.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.catalog.ProductType;
import io.offerdesk.commitments.internal.domain.Drawdown.Billed;
import io.offerdesk.commitments.internal.domain.Forecast.FutureCharge;
import io.offerdesk.shared.InvalidInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The pure drawdown rules: years, the cap, exclusions, credit memos, milestones and where future charges land. */
class DrawdownTests {

    static final LocalDate START = LocalDate.of(2027, 3, 15);

    static Money usd(String amount) {
        return Money.of(CurrencyUnit.USD, new BigDecimal(amount));
    }

    static CommitmentTerms terms(@Nullable String share, String... yearly) {
        return CommitmentTerms.of(new CommitmentTerms.Draft(
                "EDP", null, START, List.of(yearly), share == null ? null : new BigDecimal(share), null, null));
    }

    static Billed line(LocalDate date, ProductType type, boolean eligible, String amount) {
        return new Billed(date, type, eligible, usd(amount));
    }

    @Test
    void theDefaultsAreAQuarterShareProfessionalServicesExcludedAndThreeMilestones() {
        var terms = terms(null, "1000000.00", "1200000.00");
        assertThat(terms.shareCapPercent()).isEqualByComparingTo("25");
        assertThat(terms.excludedTypes()).containsExactly(ProductType.PROFESSIONAL_SERVICES);
        assertThat(terms.milestones()).containsExactly(50, 75, 100);
        assertThat(terms.total()).isEqualTo(usd("2200000.00"));
        assertThat(terms.year(1).cap()).isEqualTo(usd("250000.00"));
        assertThat(terms.year(2).cap()).isEqualTo(usd("300000.00"));
        assertThat(terms.year(2).start()).isEqualTo(LocalDate.of(2028, 3, 15));
        assertThat(terms.endDate()).isEqualTo(LocalDate.of(2029, 3, 15));
    }

    @Test
    void theCapIsRoundedDownToTheCent() {
        // 33.33% of 100.01 is 33.333333: the cap never exceeds the share.
        assertThat(terms("33.33", "100.01").year(1).cap()).isEqualTo(usd("33.33"));
    }

    @Test
    void spendCountsByInvoiceDateUpToTheCapWithoutExcludedTypesAndMemosLowerIt() {
        var terms = terms(null, "1000000.00", "1000000.00");
        var progress = Drawdown.progress(
                terms,
                List.of(
                        line(START.minusDays(1), ProductType.SAAS, true, "999.00"),
                        line(START, ProductType.SAAS, true, "200000.00"),
                        line(START.plusDays(30), ProductType.SAAS, true, "100000.01"),
                        line(START.plusDays(40), ProductType.PROFESSIONAL_SERVICES, true, "5000.00"),
                        line(START.plusDays(50), ProductType.AMI, false, "700.00"),
                        line(START.plusYears(1).minusDays(1), ProductType.SAAS, true, "-40000.00"),
                        line(START.plusYears(1), ProductType.SAAS, true, "125000.00")));
        var first = progress.get(0);
        assertThat(first.eligible()).isEqualTo(usd("260000.01"));
        assertThat(first.excluded()).isEqualTo(usd("5700.00"));
        assertThat(first.counted()).isEqualTo(usd("250000.00"));
        assertThat(first.headroom()).isEqualTo(usd("0.00"));
        assertThat(first.reached()).containsExactly(50, 75, 100);
        var second = progress.get(1);
        assertThat(second.counted()).isEqualTo(usd("125000.00"));
        assertThat(second.headroom()).isEqualTo(usd("125000.00"));
        assertThat(second.percentOfCap()).isEqualTo(50);
        assertThat(second.reached()).containsExactly(50);
    }

    @Test
    void linesOfOneDayTypeAndEligibilitySummedGiveTheSameProgress() {
        var terms = terms(null, "1000000.00");
        var lines = List.of(
                line(START, ProductType.SAAS, true, "200000.00"),
                line(START, ProductType.SAAS, true, "60000.01"),
                line(START, ProductType.SAAS, false, "10.00"),
                line(START.plusDays(1), ProductType.SAAS, true, "-30000.00"),
                line(START.plusDays(1), ProductType.SAAS, true, "1000.00"));
        var summed = List.of(
                line(START, ProductType.SAAS, true, "260000.01"),
                line(START, ProductType.SAAS, false, "10.00"),
                line(START.plusDays(1), ProductType.SAAS, true, "-29000.00"));

        assertThat(Drawdown.progress(terms, summed)).isEqualTo(Drawdown.progress(terms, lines));
        assertThat(Drawdown.progress(terms, summed).getFirst().counted()).isEqualTo(usd("231000.01"));
    }

    @Test
    void aMilestoneIsReachedOnlyWhenCountedSpendIsAtLeastItsShareOfTheCap() {
        assertThat(Drawdown.reached(usd("124999.99"), usd("250000.00"), 50)).isFalse();
        assertThat(Drawdown.reached(usd("125000.00"), usd("250000.00"), 50)).isTrue();
        assertThat(Drawdown.capped(usd("-5.00"), usd("10.00"))).isEqualTo(usd("0.00"));
    }

    @Test
    void futureChargesLandInTheYearOfTheirDateAndTheProjectionIsCapped() {
        var terms = terms(null, "100000.00", "100000.00");
        var progress = Drawdown.progress(terms, List.of(line(START, ProductType.SAAS, true, "20000.00")));
        var result = Forecast.of(
                terms,
                progress,
                List.of(
                        new FutureCharge(
                                "agmt", "c1", "prod", ProductType.SAAS, true, START.plusDays(3), usd("4000.00")),
                        new FutureCharge(
                                "agmt",
                                "c2",
                                "prod",
                                ProductType.PROFESSIONAL_SERVICES,
                                true,
                                START.plusYears(1),
                                usd("1.00")),
                        new FutureCharge(
                                "agmt", "c3", "prod", ProductType.SAAS, true, START.plusYears(2), usd("9.00"))),
                List.of(new FutureCharge(
                        "offer", "i1", "prod", ProductType.SAAS, true, START.plusDays(9), usd("3000.00"))));
        assertThat(result.years().get(0).scheduledEligible()).isEqualTo(usd("4000.00"));
        assertThat(result.years().get(0).plannedEligible()).isEqualTo(usd("3000.00"));
        assertThat(result.years().get(0).projectedCounted())
                .as("capped at 25,000")
                .isEqualTo(usd("25000.00"));
        assertThat(result.years().get(1).scheduledExcluded()).isEqualTo(usd("1.00"));
        assertThat(result.charges()).extracting(Forecast.Placed::year).containsExactly(1, 1, 2, null);
    }

    @Test
    void badTermsNameEveryField() {
        assertThatThrownBy(() -> CommitmentTerms.of(new CommitmentTerms.Draft(
                        null, "EUR", null, List.of(), new BigDecimal("0"), List.of("X"), List.of(0))))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .contains(
                                        "name",
                                        "currencyCode",
                                        "startDate",
                                        "yearlyCommitments",
                                        "shareCapPercent",
                                        "excludedProductTypes[0]",
                                        "milestones[0]"));
    }
}
