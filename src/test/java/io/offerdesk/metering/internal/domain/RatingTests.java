package io.offerdesk.metering.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.TermConfiguration.ContractConfiguration;
import io.offerdesk.agreements.TermConfiguration.DimensionQuantity;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.Constraint;
import io.offerdesk.offers.Term.Constraints;
import io.offerdesk.offers.Term.ContractRateCard;
import io.offerdesk.offers.Term.FixedUpfrontPricingTerm;
import io.offerdesk.offers.Term.Grant;
import io.offerdesk.offers.Term.Rate;
import io.offerdesk.offers.Term.UsageBasedPricingTerm;
import io.offerdesk.offers.Term.UsageRateCard;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class RatingTests {

    static final AcceptedTerm USAGE = new AcceptedTerm(
            "term-usage",
            new UsageBasedPricingTerm(
                    "USD",
                    List.of(new UsageRateCard(List.of(
                            new Rate("requests", new BigDecimal("0.12345678")),
                            new Rate("gigabytes", new BigDecimal("0.01")))))),
            null);

    @Test
    void aLineIsRoundedOnceHalfEven() {
        var card = Rating.RateCard.of(List.of(USAGE), null).orElseThrow();
        var lines = Rating.rate(
                card,
                Map.of(),
                List.of(
                        new Rating.Usage("requests", Map.of(), 101),
                        new Rating.Usage("requests", Map.of(), 505),
                        new Rating.Usage("requests", Map.of(), 11),
                        new Rating.Usage("gigabytes", Map.of(), 5),
                        new Rating.Usage("unpriced", Map.of(), 9)));
        // 617 × 0.12345678 = 76.17481326 → 76.17 (rounding each record would give 76.18); 5 × 0.01 = 0.05
        assertThat(lines).extracting(Rating.Line::dimension).containsExactly("gigabytes", "requests");
        assertThat(lines.get(1).amount()).isEqualTo(Money.parse("USD 76.17"));
        assertThat(lines.get(0).amount()).isEqualTo(Money.parse("USD 0.05"));
        // half-even: 2.5 cents go to the even cent
        var half = Rating.rate(card, Map.of(), List.of(new Rating.Usage("gigabytes", Map.of(), 1)));
        assertThat(Rating.amount(card.currency(), new BigDecimal("0.005"), 1)).isEqualTo(Money.parse("USD 0.00"));
        assertThat(Rating.amount(card.currency(), new BigDecimal("0.015"), 1)).isEqualTo(Money.parse("USD 0.02"));
        assertThat(half.getFirst().amount()).isEqualTo(Money.parse("USD 0.01"));
    }

    @Test
    void eachTagSetIsALineOfItsOwn() {
        var card = Rating.RateCard.of(List.of(USAGE), null).orElseThrow();
        var lines = Rating.rate(
                card,
                Map.of(),
                List.of(
                        new Rating.Usage("requests", Map.of("team", "b", "cc", "1"), 200),
                        new Rating.Usage("requests", Map.of("cc", "1", "team", "b"), 100),
                        new Rating.Usage("requests", Map.of("cc", "1"), 100)));
        assertThat(lines)
                .extracting(l -> l.tags().toString() + ":" + l.used())
                .containsExactly("{cc=1, team=b}:300", "{cc=1}:100");
    }

    @Test
    void aContractWithConsumptionBillsOnlyUsageBeyondTheEntitlementOverTheWholeTerm() {
        var contract = new AcceptedTerm(
                "term-contract",
                new FixedUpfrontPricingTerm("USD", BigDecimal.ZERO, List.of(new Grant("requests", 1000)), null),
                null);
        var card = Rating.RateCard.of(List.of(contract, USAGE), null).orElseThrow();
        // the first month used 600 of the 1000
        var first = Rating.rate(card, Map.of(), List.of(new Rating.Usage("requests", Map.of(), 600)));
        assertThat(first.getFirst().covered()).isEqualTo(600);
        assertThat(first.getFirst().billed()).isZero();
        assertThat(first.getFirst().amount()).isEqualTo(Money.parse("USD 0.00"));
        // the second: 400 are left; what came first in time is covered first, whatever its tags
        var second = Rating.rate(
                card,
                Map.of("requests", 600L),
                List.of(
                        new Rating.Usage("requests", Map.of("cc", "a"), 300),
                        new Rating.Usage("requests", Map.of("cc", "b"), 400)));
        assertThat(second)
                .extracting(l -> l.tags().get("cc") + ":" + l.covered() + "/" + l.billed())
                .containsExactly("a:300/0", "b:100/300");
        assertThat(second.get(1).amount()).isEqualTo(Money.parse("USD 37.04")); // 300 × 0.12345678 = 37.037034
    }

    @Test
    void aConfigurableContractEntitlesTheQuantitiesTheBuyerChoseAndAGrantWithoutMaximumIsUnlimited() {
        var configurable = new AcceptedTerm(
                "term-contract",
                new ConfigurableUpfrontPricingTerm(
                        "USD",
                        List.of(new ContractRateCard(
                                Period.ofMonths(12),
                                new Constraints(Constraint.ALLOWED, Constraint.ALLOWED),
                                List.of(new Rate("requests", new BigDecimal("100")))))),
                new ContractConfiguration(Period.ofMonths(12), List.of(new DimensionQuantity("requests", 50))));
        var unlimited = new AcceptedTerm(
                "term-grant",
                new FixedUpfrontPricingTerm("USD", BigDecimal.ZERO, List.of(new Grant("gigabytes", null)), null),
                null);
        var card = Rating.RateCard.of(List.of(configurable, unlimited, USAGE), null)
                .orElseThrow();
        assertThat(card.entitled()).containsEntry("requests", 50L).containsEntry("gigabytes", Rating.UNLIMITED);
        var lines = Rating.rate(
                card,
                Map.of("gigabytes", 1_000_000L),
                List.of(new Rating.Usage("requests", Map.of(), 70), new Rating.Usage("gigabytes", Map.of(), 900)));
        assertThat(lines).extracting(Rating.Line::billed).containsExactly(0L, 20L);
    }

    @Test
    void aResoldAgreementsWholesaleIsRatedAtTheIsvsPrices() {
        var wholesale = new AcceptedTerm(
                "term-usage",
                new UsageBasedPricingTerm(
                        "USD", List.of(new UsageRateCard(List.of(new Rate("requests", new BigDecimal("0.1")))))),
                null);
        var card = Rating.RateCard.of(List.of(USAGE), List.of(wholesale)).orElseThrow();
        var line = Rating.rate(card, Map.of(), List.of(new Rating.Usage("requests", Map.of(), 617)))
                .getFirst();
        assertThat(line.amount()).isEqualTo(Money.parse("USD 76.17"));
        assertThat(line.wholesale()).isEqualTo(Money.parse("USD 61.70"));
    }

    @Test
    void periodsAreCalendarMonthsInUtcCutByTheEnd() {
        var start = Instant.parse("2026-11-26T21:53:00Z");
        assertThat(Rating.periodEnd(start, null)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(Rating.periodEnd(start, Instant.parse("2026-11-30T23:59:59.999Z")))
                .isEqualTo(Instant.parse("2026-11-30T23:59:59.999Z"));
        assertThat(Rating.periodEnd(Instant.parse("2026-12-31T23:00:00Z"), Instant.parse("2027-12-31T23:59:59.999Z")))
                .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void onlyAgreementsWithAUsageRateCardAreRated() {
        assertThat(Rating.rated(List.of(USAGE))).isTrue();
        assertThat(Rating.RateCard.of(List.of(), null)).isEmpty();
    }
}
