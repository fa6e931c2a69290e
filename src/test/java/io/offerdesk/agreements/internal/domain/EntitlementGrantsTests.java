package io.offerdesk.agreements.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.agreements.EntitlementStatus;
import io.offerdesk.agreements.EntitlementStatusReason;
import io.offerdesk.agreements.EntitlementValue;
import io.offerdesk.agreements.EntitlementValue.IntegerValue;
import io.offerdesk.agreements.TermConfiguration.ContractConfiguration;
import io.offerdesk.agreements.TermConfiguration.DimensionQuantity;
import io.offerdesk.agreements.internal.domain.EntitlementGrants.Granted;
import io.offerdesk.offers.Term;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntitlementGrantsTests {

    private static final Instant NOW = Instant.parse("2030-01-15T10:00:00Z");

    @Test
    void grantsTheFixedQuantitiesAndUnlimitedForAGrantWithoutOne() {
        var fixed = new Term.FixedUpfrontPricingTerm(
                "USD", BigDecimal.ZERO, List.of(new Term.Grant("analysts", 10), new Term.Grant("viewers", null)), null);

        var granted = EntitlementGrants.of(List.of(accepted(fixed, null), accepted(new Term.SupportTerm("x"), null)));

        assertThat(granted)
                .containsExactly(
                        new Granted("analysts", "FixedUpfrontPricingTerm", new IntegerValue(10)),
                        new Granted("viewers", "FixedUpfrontPricingTerm", EntitlementValue.UNLIMITED));
    }

    @Test
    void grantsTheConfiguredQuantitiesOfAConfigurableContract() {
        var configurable = new Term.ConfigurableUpfrontPricingTerm(
                "USD",
                List.of(new Term.ContractRateCard(
                        Period.ofMonths(12),
                        new Term.Constraints(Term.Constraint.ALLOWED, Term.Constraint.ALLOWED),
                        List.of(new Term.Rate("seats", BigDecimal.TEN), new Term.Rate("hosts", BigDecimal.ONE)))));
        var chosen = new ContractConfiguration(Period.ofMonths(12), List.of(new DimensionQuantity("seats", 25)));

        var granted = EntitlementGrants.of(List.of(accepted(configurable, chosen)));

        assertThat(granted)
                .containsExactly(new Granted("seats", "ConfigurableUpfrontPricingTerm", new IntegerValue(25)));
    }

    @Test
    void entitlesToEveryMeteredDimensionAndKeepsTheUpfrontGrantOfAContractWithConsumption() {
        var usage = new Term.UsageBasedPricingTerm(
                "USD",
                List.of(new Term.UsageRateCard(List.of(
                        new Term.Rate("analysts", new BigDecimal("0.10")),
                        new Term.Rate("requests", BigDecimal.ONE)))));
        var fixed =
                new Term.FixedUpfrontPricingTerm("USD", BigDecimal.TEN, List.of(new Term.Grant("analysts", 5)), null);

        // The usage term comes first in the offer; the upfront grant still wins for the dimension both price.
        var granted = EntitlementGrants.of(List.of(accepted(usage, null), accepted(fixed, null)));

        assertThat(granted)
                .containsExactly(
                        new Granted("analysts", "FixedUpfrontPricingTerm", new IntegerValue(5)),
                        new Granted("requests", "UsageBasedPricingTerm", EntitlementValue.UNLIMITED));
    }

    @Test
    void grantsNothingForTermsWithoutDimensions() {
        assertThat(EntitlementGrants.of(List.of(accepted(new Term.ByolPricingTerm(), null))))
                .isEmpty();
    }

    @Test
    void statusFollowsTheAgreementsDates() {
        var later = NOW.plusSeconds(3600);
        var earlier = NOW.minusSeconds(3600);

        assertThat(EntitlementGrants.statusAt(true, later, null, NOW))
                .isEqualTo(new EntitlementGrants.Provisioning(
                        EntitlementStatus.SCHEDULED, EntitlementStatusReason.FUTURE_START_DATE));
        assertThat(EntitlementGrants.statusAt(true, NOW, later, NOW))
                .isEqualTo(new EntitlementGrants.Provisioning(
                        EntitlementStatus.PROVISIONED, EntitlementStatusReason.AGREEMENT_ACTIVE));
        assertThat(EntitlementGrants.statusAt(true, earlier, NOW, NOW).status())
                .isEqualTo(EntitlementStatus.DEPROVISIONED);
        assertThat(EntitlementGrants.statusAt(false, earlier, later, NOW))
                .isEqualTo(new EntitlementGrants.Provisioning(
                        EntitlementStatus.DEPROVISIONED, EntitlementStatusReason.AGREEMENT_INACTIVE));
    }

    private static AcceptedTerm accepted(
            Term term, io.offerdesk.agreements.@org.jspecify.annotations.Nullable TermConfiguration configuration) {
        return new AcceptedTerm("term-" + term.type(), term, configuration);
    }
}
