package io.offerdesk.governance.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.offerdesk.governance.Experience;
import io.offerdesk.governance.Experience.Audience;
import io.offerdesk.governance.Experience.ProcurementPolicy;
import io.offerdesk.governance.Experience.ProductRule;
import io.offerdesk.governance.ExperienceStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The most specific enabled experience governs an account: the account, its unit (nearest first), the organization. */
class GovernanceTests {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final String ROOT = UUID.randomUUID().toString();
    private static final String EUROPE = UUID.randomUUID().toString();
    private static final String BERLIN = UUID.randomUUID().toString();
    private static final String ACCOUNT = "400000000009";
    /** The account sits in Berlin, under Europe, under the root. */
    private static final AccountPlace PLACE =
            new AccountPlace(ACCOUNT, List.of(BERLIN, EUROPE, ROOT), ORGANIZATION.toString());

    @Test
    void anAccountNoExperienceCoversMayBuyEverything() {
        var governing = Governance.of(PLACE, List.of(experience("exp-other", "prod-a", null, "123456789012")));

        assertThat(governing.governed()).isFalse();
        assertThat(governing.allows("prod-b")).isTrue();
        assertThat(governing.acceptsRequests()).isFalse();
    }

    @Test
    void theOrganizationsExperienceGovernsWhenNothingMoreSpecificDoes() {
        var governing = Governance.of(PLACE, List.of(experience("exp-org", "prod-a", null, ORGANIZATION.toString())));

        assertThat(governing.governed()).isTrue();
        assertThat(governing.allows("prod-a")).isTrue();
        assertThat(governing.allows("prod-b")).isFalse();
    }

    @Test
    void theRootUnitCountsAsTheOrganization() {
        var org = experience("exp-org", "prod-a", null, ORGANIZATION.toString());
        var root = experience("exp-root", "prod-b", null, ROOT);

        var governing = Governance.of(PLACE, List.of(org, root));

        assertThat(governing.experiences()).extracting(Experience::id).containsExactly("exp-org", "exp-root");
        assertThat(governing.allows("prod-a")).isTrue();
        assertThat(governing.allows("prod-b")).isTrue();
    }

    @Test
    void theNearestUnitGovernsBeforeUnitsAboveIt() {
        var org = experience("exp-org", "prod-a", null, ORGANIZATION.toString());
        var europe = experience("exp-europe", "prod-b", null, EUROPE);
        var berlin = experience("exp-berlin", "prod-c", null, BERLIN);

        assertThat(Governance.of(PLACE, List.of(org, europe)).experiences())
                .extracting(Experience::id)
                .containsExactly("exp-europe");
        var governing = Governance.of(PLACE, List.of(org, europe, berlin));
        assertThat(governing.experiences()).extracting(Experience::id).containsExactly("exp-berlin");
        assertThat(governing.allows("prod-c")).isTrue();
        assertThat(governing.allows("prod-a")).isFalse();
        assertThat(governing.allows("prod-b")).isFalse();
    }

    @Test
    void theAccountsOwnExperienceGovernsAboveAll() {
        var berlin = experience("exp-berlin", "prod-c", null, BERLIN);
        var own = experience("exp-own", "prod-d", null, ACCOUNT, ORGANIZATION.toString());

        var governing = Governance.of(PLACE, List.of(berlin, own));

        assertThat(governing.experiences()).extracting(Experience::id).containsExactly("exp-own");
        assertThat(governing.allows("prod-d")).isTrue();
        assertThat(governing.allows("prod-c")).isFalse();
    }

    @Test
    void aDisabledExperienceGovernsNoOne() {
        var enabled = experience("exp-own", "prod-d", null, ACCOUNT);
        var own = new Experience(
                enabled.id(),
                ORGANIZATION,
                enabled.name(),
                null,
                ExperienceStatus.DISABLED,
                enabled.allowedProducts(),
                List.of(),
                enabled.audience(),
                null,
                null,
                1,
                Instant.EPOCH,
                Instant.EPOCH);
        var org = experience("exp-org", "prod-a", null, ORGANIZATION.toString());

        var governing = Governance.of(PLACE, List.of(own, org));

        assertThat(governing.experiences()).extracting(Experience::id).containsExactly("exp-org");
        assertThat(governing.allows("prod-d")).isFalse();
    }

    @Test
    void aDeniedProductIsNotAllowedEvenWhenListedAsAllowed() {
        var governing = Governance.of(PLACE, List.of(experience("exp-org", "prod-a", "prod-a", ACCOUNT)));

        assertThat(governing.allows("prod-a")).isFalse();
    }

    @Test
    void requestsAreAcceptedUnlessThePolicySaysNo() {
        var open = experience("exp-open", "prod-a", null, ACCOUNT);
        var closed = new Experience(
                "exp-closed",
                ORGANIZATION,
                "Closed",
                null,
                ExperienceStatus.ENABLED,
                List.of(),
                List.of(),
                new Audience("aud-1", List.of(ACCOUNT)),
                new ProcurementPolicy("procpolicy-1", false),
                null,
                1,
                Instant.EPOCH,
                Instant.EPOCH);

        assertThat(Governance.of(PLACE, List.of(open)).acceptsRequests()).isTrue();
        assertThat(Governance.of(PLACE, List.of(closed)).acceptsRequests()).isFalse();
    }

    private static Experience experience(String id, String allowed, @Nullable String denied, String... principals) {
        return new Experience(
                id,
                ORGANIZATION,
                id,
                null,
                ExperienceStatus.ENABLED,
                List.of(new ProductRule(allowed, null)),
                denied == null ? List.of() : List.of(new ProductRule(denied, "no")),
                new Audience("aud-" + id, List.of(principals)),
                null,
                null,
                1,
                Instant.EPOCH,
                Instant.EPOCH);
    }
}
