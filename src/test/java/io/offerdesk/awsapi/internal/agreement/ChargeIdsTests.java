package io.offerdesk.awsapi.internal.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.agreements.AgreementCharge;
import io.offerdesk.awsapi.support.BotocoreConformance;
import java.util.regex.Pattern;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Charge ids on the wire: the model's ChargeId pattern, one id per charge, and read back to the module's id. */
class ChargeIdsTests {

    /** The pattern of the model's ChargeId shape, read from the model itself. */
    static final Pattern CHARGE_ID = Pattern.compile(BotocoreConformance.of("marketplace-agreement")
            .model()
            .at("/shapes/ChargeId/pattern")
            .asString());

    @Property
    void everyChargeOfAnAgreementHasAWireIdOfTheModelsPatternThatReadsBackToIt(
            @ForAll @IntRange(min = 1, max = 100_000) int n, @ForAll @IntRange(min = 1, max = 100_000) int other) {
        var id = AgreementCharge.id(n);
        var wire = ChargeIds.wire(id);
        assertThat(CHARGE_ID.matcher(wire).matches()).as(wire).isTrue();
        assertThat(wire.length()).isLessThanOrEqualTo(64);
        assertThat(ChargeIds.module(wire)).isEqualTo(id);
        assertThat(ChargeIds.wire(AgreementCharge.id(other)).equals(wire)).isEqualTo(other == n);
    }

    @Example
    void theModulesOwnIdsAreReadAsTheyAreAndOthersAreLeftToBeRefusedAsUnknown() {
        assertThat(ChargeIds.module("charge-3")).isEqualTo("charge-3");
        assertThat(ChargeIds.module("ch-x3")).isEqualTo("ch-x3");
        assertThat(ChargeIds.module("ch-")).isEqualTo("ch-");
    }
}
