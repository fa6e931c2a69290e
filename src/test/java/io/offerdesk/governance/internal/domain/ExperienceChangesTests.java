package io.offerdesk.governance.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offerdesk.changesets.ChangeRejected;
import io.offerdesk.governance.Experience.ProductRule;
import io.offerdesk.governance.ExperienceStatus;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.Validations;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reading change documents and what each change makes of an experience. */
class ExperienceChangesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ExperienceDecisions.Context CONTEXT =
            new ExperienceDecisions.Context(Instant.EPOCH, UUID.randomUUID(), prefix -> prefix + "abcdefghijklm");

    @Test
    void aProductDocumentReadsAsOneRulePerId() {
        var change = parse("AllowProductProcurement", """
                {"Products":[{"Ids":["prod-aaaaaaaaaaaaa","prod-bbbbbbbbbbbbb"],"Notes":"Approved"}]}""");

        assertThat(change)
                .isEqualTo(new ExperienceChange.AllowProducts(List.of(
                        new ProductRule("prod-aaaaaaaaaaaaa", "Approved"),
                        new ProductRule("prod-bbbbbbbbbbbbb", "Approved"))));
    }

    @Test
    void badDocumentsNameEveryBrokenField() {
        var checks = new Validations();
        ExperienceChanges.parse(
                "AssociateAudience",
                JSON.readTree("{\"Principals\":[\"400000000001\",\"ou-nope\"],\"Extra\":1}"),
                "changeSet[0].detailsDocument",
                checks);
        var fields = violations(checks).stream().map(FieldViolation::field).toList();

        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "changeSet[0].detailsDocument.Extra", "changeSet[0].detailsDocument.Principals[1]");

        var policy = new Validations();
        ExperienceChanges.parse(
                "UpdateProcurementPolicy",
                JSON.readTree("{\"Configuration\":{\"PolicyResourceRequests\":\"Maybe\"}}"),
                "d",
                policy);
        assertThat(violations(policy))
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(org.assertj.core.api.Assertions.tuple(
                        "d.Configuration.PolicyResourceRequests", "validation.enum"));
    }

    @Test
    void allowingADeniedProductMovesItAndDenyingMovesItBack() {
        var created = ExperienceDecisions.apply(null, new ExperienceChange.Create("Engineering", null), CONTEXT);
        assertThat(created.status()).isEqualTo(ExperienceStatus.DISABLED);
        var rule = new ProductRule("prod-aaaaaaaaaaaaa", null);

        var denied = ExperienceDecisions.apply(created, new ExperienceChange.DenyProducts(List.of(rule)), CONTEXT);
        var allowed = ExperienceDecisions.apply(denied, new ExperienceChange.AllowProducts(List.of(rule)), CONTEXT);

        assertThat(denied.deniedProducts()).containsExactly(rule);
        assertThat(allowed.deniedProducts()).isEmpty();
        assertThat(allowed.allowedProducts()).containsExactly(rule);
        assertThat(allowed.allows(rule.productId())).isTrue();
    }

    @Test
    void aPolicyIsCreatedOnceAndOnlyAnExistingOneIsUpdated() {
        var created = ExperienceDecisions.apply(null, new ExperienceChange.Create("Engineering", null), CONTEXT);

        assertThatThrownBy(
                        () -> ExperienceDecisions.apply(created, new ExperienceChange.SetPolicy(false, true), CONTEXT))
                .isInstanceOfSatisfying(
                        ChangeRejected.class,
                        rejected -> assertThat(rejected.errors().getFirst().code())
                                .isEqualTo("PROCUREMENT_POLICY_NOT_FOUND"));
        var withPolicy = ExperienceDecisions.apply(created, new ExperienceChange.SetPolicy(true, false), CONTEXT);
        assertThat(withPolicy.acceptsRequests()).isFalse();
        assertThat(withPolicy.policy()).isNotNull();
        assertThatThrownBy(() ->
                        ExperienceDecisions.apply(withPolicy, new ExperienceChange.SetPolicy(true, true), CONTEXT))
                .isInstanceOf(ChangeRejected.class);
    }

    @Test
    void disassociatingAPrincipalTheAudienceLacksIsRejected() {
        var created = ExperienceDecisions.apply(null, new ExperienceChange.Create("Engineering", null), CONTEXT);
        var associated = ExperienceDecisions.apply(
                created, new ExperienceChange.AssociateAudience(List.of("400000000001")), CONTEXT);

        assertThat(associated.principals()).containsExactly("400000000001");
        assertThatThrownBy(() -> ExperienceDecisions.apply(
                        associated, new ExperienceChange.DisassociateAudience(List.of("400000000002")), CONTEXT))
                .isInstanceOfSatisfying(
                        ChangeRejected.class,
                        rejected ->
                                assertThat(rejected.errors().getFirst().code()).isEqualTo("PRINCIPAL_NOT_ASSOCIATED"));
    }

    private static ExperienceChange parse(String type, String document) {
        var checks = new Validations();
        var change = ExperienceChanges.parse(type, JSON.readTree(document), "d", checks);
        assertThat(checks.isValid()).as(checks.toString()).isTrue();
        return java.util.Objects.requireNonNull(change);
    }

    private static List<FieldViolation> violations(Validations checks) {
        try {
            checks.throwIfInvalid();
            return List.of();
        } catch (io.offerdesk.shared.InvalidInput invalid) {
            return invalid.violations();
        }
    }
}
