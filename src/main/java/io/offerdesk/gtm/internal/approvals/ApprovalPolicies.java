package io.offerdesk.gtm.internal.approvals;

import io.offerdesk.gtm.internal.approvals.domain.ApprovalPolicy;
import io.offerdesk.gtm.internal.approvals.domain.ApprovalRule;
import io.offerdesk.gtm.internal.approvals.domain.Approver;
import io.offerdesk.gtm.internal.approvals.domain.Condition;
import io.offerdesk.gtm.internal.approvals.domain.StepMode;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A seller's or channel partner's approval policy: its rules and step deadlines. Every user of the party reads it; its
 * administrators change it.
 */
@Service
class ApprovalPolicies {

    static final int NAME_MAX = 200;
    static final int APPROVERS_MAX = 10;
    static final int RULES_MAX = 50;
    /** Step deadlines and escalation periods are whole hours, up to 30 days. */
    static final int HOURS_MAX = 720;

    /** The roles that may approve: a seller's or partner's roles. */
    static final List<Role> APPROVER_ROLES = List.of(Role.OFFER_APPROVER, Role.FINANCE, Role.ADMIN, Role.OFFER_AUTHOR);

    /** A rule as an administrator writes it; see the REST API for the meaning of each field. */
    record RuleInput(
            @Nullable String name,
            @Nullable String condition,
            @Nullable String threshold,
            @Nullable String currency,
            @Nullable String mode,
            @Nullable List<ApproverInput> approvers) {}

    /** Exactly one of a role and a user. */
    record ApproverInput(@Nullable String role, @Nullable String userId) {}

    private final ApprovalRepository approvals;
    private final UserManagement users;
    private final Clock clock;

    ApprovalPolicies(ApprovalRepository approvals, UserManagement users, Clock clock) {
        this.approvals = approvals;
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ApprovalPolicy policy(OfferdeskPrincipal me) {
        checkParty(me);
        return approvals.policy(me.partyId());
    }

    @Transactional
    public ApprovalPolicy changeSettings(
            OfferdeskPrincipal me, @Nullable Integer stepDueHours, @Nullable Integer escalationHours) {
        checkAdmin(me);
        var checks =
                new Validations().required("stepDueHours", stepDueHours).required("escalationHours", escalationHours);
        checks.check(
                stepDueHours == null || stepDueHours >= 1 && stepDueHours <= HOURS_MAX,
                "stepDueHours",
                "validation.range",
                1,
                HOURS_MAX);
        checks.check(
                escalationHours == null || escalationHours >= 1 && escalationHours <= HOURS_MAX,
                "escalationHours",
                "validation.range",
                1,
                HOURS_MAX);
        checks.throwIfInvalid();
        approvals.saveSettings(me.partyId(), stepDueHours, escalationHours, clock.instant());
        return approvals.policy(me.partyId());
    }

    @Transactional(readOnly = true)
    public ApprovalRule rule(OfferdeskPrincipal me, String id) {
        checkParty(me);
        return approvals.rule(me.partyId(), parse(id)).orElseThrow(() -> new NotFound("approval-rule", id));
    }

    @Transactional
    public ApprovalRule addRule(OfferdeskPrincipal me, RuleInput input) {
        checkAdmin(me);
        var rule = rule(me, UUID.randomUUID(), input);
        if (approvals.rules(me.partyId()).size() >= RULES_MAX) {
            throw new io.offerdesk.shared.InvalidInput("rules", "approvals.validation.tooManyRules", RULES_MAX);
        }
        approvals.insertRule(me.partyId(), rule, clock.instant());
        return rule;
    }

    @Transactional
    public ApprovalRule changeRule(OfferdeskPrincipal me, String id, RuleInput input) {
        checkAdmin(me);
        var ruleId = parse(id);
        var rule = rule(me, ruleId, input);
        if (!approvals.updateRule(me.partyId(), rule, clock.instant())) {
            throw new NotFound("approval-rule", id);
        }
        return rule;
    }

    @Transactional
    public void deleteRule(OfferdeskPrincipal me, String id) {
        checkAdmin(me);
        if (!approvals.deleteRule(me.partyId(), parse(id))) {
            throw new NotFound("approval-rule", id);
        }
    }

    private ApprovalRule rule(OfferdeskPrincipal me, UUID id, RuleInput input) {
        var checks = new Validations().text("name", input.name(), NAME_MAX);
        var condition = condition(checks, input);
        StepMode mode = StepMode.SEQUENTIAL;
        if (input.mode() != null) {
            mode = parseEnum(StepMode.class, input.mode());
            checks.check(mode != null, "mode", "validation.enum", names(StepMode.values()));
        }
        var approvers = approvers(me, checks, input.approvers());
        checks.throwIfInvalid();
        return new ApprovalRule(
                id,
                input.name().strip(),
                java.util.Objects.requireNonNull(condition),
                java.util.Objects.requireNonNull(mode),
                approvers);
    }

    private static @Nullable Condition condition(Validations checks, RuleInput input) {
        var types = Condition.TYPES;
        var type = input.condition() == null ? null : input.condition().strip().toUpperCase(Locale.ROOT);
        checks.required("condition", type);
        if (type == null || type.isEmpty()) {
            return null;
        }
        if (!types.contains(type)) {
            checks.check(false, "condition", "validation.enum", String.join(", ", types));
            return null;
        }
        switch (type) {
            case "CUSTOM_EULA" -> {
                return new Condition.CustomEula();
            }
            case "CHANGED_CLAUSES" -> {
                return new Condition.ChangedClauses();
            }
            case "MISSING_EVIDENCE" -> {
                return new Condition.MissingEvidence();
            }
            default -> {}
        }
        var threshold = decimal(checks, input.threshold());
        if (threshold == null) {
            return null;
        }
        return switch (type) {
            case "DISCOUNT" -> {
                checks.check(
                        threshold.signum() > 0 && threshold.compareTo(BigDecimal.valueOf(100)) <= 0,
                        "threshold",
                        "approvals.validation.percent");
                yield new Condition.Discount(threshold);
            }
            case "MARGIN_BELOW" -> {
                checks.check(
                        threshold.signum() > 0 && threshold.compareTo(BigDecimal.valueOf(1000)) <= 0,
                        "threshold",
                        "approvals.validation.markup");
                yield new Condition.MarginBelow(threshold);
            }
            case "BACK_LOADED" -> {
                checks.check(threshold.compareTo(BigDecimal.ONE) > 0, "threshold", "approvals.validation.factor");
                yield new Condition.BackLoaded(threshold);
            }
            case "RENEWAL_GAP" -> {
                var whole = threshold.stripTrailingZeros().scale() <= 0
                        && threshold.signum() > 0
                        && threshold.compareTo(BigDecimal.valueOf(3650)) <= 0;
                checks.check(whole, "threshold", "approvals.validation.days");
                yield whole ? new Condition.RenewalGap(threshold.intValueExact()) : null;
            }
            default -> contractValue(checks, threshold, input.currency());
        };
    }

    private static Condition.@Nullable ContractValue contractValue(
            Validations checks, BigDecimal threshold, @Nullable String currency) {
        checks.required("currency", currency);
        if (currency == null || currency.isBlank()) {
            return null;
        }
        CurrencyUnit unit;
        try {
            unit = CurrencyUnit.of(currency.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException unknown) {
            checks.check(false, "currency", "approvals.validation.currency");
            return null;
        }
        var fits = threshold.signum() > 0 && threshold.stripTrailingZeros().scale() <= unit.getDecimalPlaces();
        checks.check(fits, "threshold", "approvals.validation.amount", unit.getDecimalPlaces());
        return fits ? new Condition.ContractValue(Money.of(unit, threshold)) : null;
    }

    private List<Approver> approvers(OfferdeskPrincipal me, Validations checks, @Nullable List<ApproverInput> input) {
        if (input == null || input.isEmpty() || input.size() > APPROVERS_MAX) {
            checks.check(false, "approvers", "validation.size", 1, APPROVERS_MAX);
            return List.of();
        }
        var approvers = new ArrayList<Approver>();
        for (int i = 0; i < input.size(); i++) {
            var field = "approvers[" + i + "]";
            var given = input.get(i);
            if (given == null || (given.role() == null) == (given.userId() == null)) {
                checks.check(false, field, "approvals.validation.approver");
                continue;
            }
            if (given.role() != null) {
                var role = parseEnum(Role.class, given.role());
                if (role == null || !APPROVER_ROLES.contains(role)) {
                    checks.check(false, field + ".role", "validation.enum", names(APPROVER_ROLES.toArray(Role[]::new)));
                } else {
                    approvers.add(Approver.of(role));
                }
                continue;
            }
            var user = parseUser(given.userId()).flatMap(id -> users.activeUser(me.partyId(), id));
            if (user.isEmpty()) {
                checks.check(false, field + ".userId", "approvals.validation.user");
            } else {
                approvers.add(Approver.user(user.get().id(), user.get().displayName()));
            }
        }
        for (int i = 0; i < approvers.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (approvers.get(i).role() == approvers.get(j).role()
                        && java.util.Objects.equals(
                                approvers.get(i).userId(), approvers.get(j).userId())) {
                    checks.check(
                            false,
                            "approvers",
                            "approvals.validation.duplicate",
                            approvers.get(i).label());
                }
            }
        }
        return approvers;
    }

    private static @Nullable BigDecimal decimal(Validations checks, @Nullable String value) {
        checks.required("threshold", value);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException notANumber) {
            checks.check(false, "threshold", "validation.type");
            return null;
        }
    }

    private static java.util.Optional<UUID> parseUser(@Nullable String id) {
        try {
            return id == null ? java.util.Optional.empty() : java.util.Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException notAUuid) {
            return java.util.Optional.empty();
        }
    }

    private static <E extends Enum<E>> @Nullable E parseEnum(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw new NotFound("approval-rule", id);
        }
    }

    /** Approval policies belong to sellers and channel partners. */
    private static void checkParty(OfferdeskPrincipal me) {
        if (me.partyKind() != PartyKind.SELLER && me.partyKind() != PartyKind.CHANNEL_PARTNER) {
            throw new AccessDeniedException("approval policies belong to sellers and channel partners");
        }
    }

    private static void checkAdmin(OfferdeskPrincipal me) {
        checkParty(me);
        if (!me.has(Role.ADMIN)) {
            throw new AccessDeniedException("only the party's administrators change its approval policy");
        }
    }
}
