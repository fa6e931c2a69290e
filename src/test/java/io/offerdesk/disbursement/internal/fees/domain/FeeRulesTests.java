package io.offerdesk.disbursement.internal.fees.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.disbursement.FeeBasis;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeeRulesTests {

    static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

    static final FeeSchedule AWS = FeeRules.check(
            new FeeRules.Draft(
                    NOW,
                    new BigDecimal("1000000"),
                    new BigDecimal("10000000"),
                    new BigDecimal("3"),
                    new BigDecimal("2"),
                    new BigDecimal("1.5"),
                    new BigDecimal("1.5"),
                    new BigDecimal("0.5"),
                    new BigDecimal("2.5"),
                    Map.of(
                            "SAAS", BigDecimal.valueOf(3),
                            "DATA", BigDecimal.valueOf(3),
                            "AMI", BigDecimal.valueOf(20),
                            "CONTAINER", BigDecimal.valueOf(20),
                            "MACHINE_LEARNING", BigDecimal.valueOf(20),
                            "PROFESSIONAL_SERVICES", new BigDecimal("2.5"))),
            "fees-test",
            NOW,
            "test");

    static FeeRules.Terms terms(String type, String value, boolean renewal, boolean resale) {
        return FeeRules.terms(AWS, new FeeRules.Accepted(type, new BigDecimal(value), renewal, resale));
    }

    @Test
    void theTierIsChosenByTheTotalContractValueWithTheThresholdsInTheHigherTier() {
        assertThat(terms("SAAS", "999999.99", false, false).rate()).isEqualByComparingTo("3");
        assertThat(terms("SAAS", "1000000.00", false, false).basis()).isEqualTo(FeeBasis.PRIVATE_BELOW_UPPER);
        assertThat(terms("SAAS", "1000000.00", false, false).rate()).isEqualByComparingTo("2");
        assertThat(terms("AMI", "9999999.99", false, false).rate()).isEqualByComparingTo("2");
        assertThat(terms("AMI", "10000000", false, false).basis()).isEqualTo(FeeBasis.PRIVATE_FROM_UPPER);
        assertThat(terms("AMI", "10000000", false, false).rate()).isEqualByComparingTo("1.5");
        // A usage-only agreement has no contract value: the lowest tier's rate.
        assertThat(terms("SAAS", "0", false, false).basis()).isEqualTo(FeeBasis.PRIVATE_BELOW_LOWER);
    }

    @Test
    void renewalsProfessionalServicesAndChannelPartnerOffers() {
        assertThat(terms("SAAS", "500000", true, false).basis()).isEqualTo(FeeBasis.RENEWAL);
        assertThat(terms("SAAS", "500000", true, false).rate()).isEqualByComparingTo("1.5");
        assertThat(terms("PROFESSIONAL_SERVICES", "20000000", true, false).basis())
                .isEqualTo(FeeBasis.PROFESSIONAL_SERVICES);
        assertThat(terms("PROFESSIONAL_SERVICES", "20000000", false, false).rate())
                .isEqualByComparingTo("2.5");
        var cppo = terms("SAAS", "500000", false, true);
        assertThat(cppo.baseRate()).isEqualByComparingTo("3");
        assertThat(cppo.cppoUplift()).isEqualByComparingTo("0.5");
        assertThat(cppo.rate()).isEqualTo(new BigDecimal("3.5000"));
        assertThat(terms("SAAS", "500000", false, false).cppoUplift()).isZero();
    }

    @Test
    void aDraftWithEveryFieldBrokenNamesEveryField() {
        var draft = new FeeRules.Draft(
                NOW.minusSeconds(1),
                new BigDecimal("-1"),
                new BigDecimal("0.001"),
                new BigDecimal("100.01"),
                null,
                new BigDecimal("-0.5"),
                new BigDecimal("1.00001"),
                null,
                new BigDecimal("2.5"),
                Map.of("SAAS", BigDecimal.ONE, "VIDEO", BigDecimal.ONE));
        assertThatThrownBy(() -> FeeRules.check(draft, "fees-x", NOW, "test"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refused -> assertThat(refused.violations())
                                .extracting(FieldViolation::field)
                                .containsExactlyInAnyOrder(
                                        "effectiveFrom",
                                        "lowerThreshold",
                                        "upperThreshold",
                                        "privateBelowLowerPercent",
                                        "privateBelowUpperPercent",
                                        "privateFromUpperPercent",
                                        "renewalPercent",
                                        "cppoUpliftPercent",
                                        "publicPercents.VIDEO",
                                        "publicPercents.AMI",
                                        "publicPercents.CONTAINER",
                                        "publicPercents.DATA",
                                        "publicPercents.MACHINE_LEARNING",
                                        "publicPercents.PROFESSIONAL_SERVICES"));
    }

    @Test
    void aVersionMayTakeEffectNowAndKeepsFourDecimals() {
        assertThat(AWS.effectiveFrom()).isEqualTo(NOW);
        assertThat(AWS.privateFromUpper()).isEqualTo(new BigDecimal("1.5000"));
        assertThat(AWS.lowerThreshold()).isEqualTo(new BigDecimal("1000000.00"));
        assertThat(AWS.rates()).containsEntry("public.AMI", new BigDecimal("20.0000"));
    }
}
