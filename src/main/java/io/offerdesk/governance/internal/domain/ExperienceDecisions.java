package io.offerdesk.governance.internal.domain;

import io.offerdesk.changesets.ChangeRejected;
import io.offerdesk.governance.Experience;
import io.offerdesk.governance.Experience.Audience;
import io.offerdesk.governance.Experience.BrandingSettings;
import io.offerdesk.governance.Experience.ProcurementPolicy;
import io.offerdesk.governance.Experience.ProductRule;
import io.offerdesk.governance.ExperienceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** What one change makes of an experience; a change that breaks a rule is rejected with the rule's error code. */
public final class ExperienceDecisions {

    private ExperienceDecisions() {}

    /**
     * What the change set knows beside the experience.
     *
     * @param freshId a new id with the given prefix, for the experience and its audience, policy and branding
     */
    public record Context(Instant now, UUID ownerPartyId, Function<String, String> freshId) {}

    /**
     * Applies the change.
     *
     * @param current absent for {@link ExperienceChange.Create}
     * @throws ChangeRejected when the change does not fit the experience as it is
     */
    public static Experience apply(@Nullable Experience current, ExperienceChange change, Context context) {
        if (change instanceof ExperienceChange.Create create) {
            return new Experience(
                    context.freshId().apply(Experience.ID_PREFIX),
                    context.ownerPartyId(),
                    create.name(),
                    create.description(),
                    ExperienceStatus.DISABLED,
                    List.of(),
                    List.of(),
                    null,
                    null,
                    null,
                    0,
                    context.now(),
                    context.now());
        }
        if (current == null) {
            throw new ChangeRejected("RESOURCE_NOT_FOUND", "The change names no experience.");
        }
        var next = new Builder(current, context.now());
        switch (change) {
            case ExperienceChange.Create create -> throw new IllegalStateException("handled above");
            case ExperienceChange.Update update -> {
                if (update.name() != null) {
                    next.name = update.name();
                }
                if (update.description() != null) {
                    next.description = update.description();
                }
                if (update.status() != null) {
                    next.status = update.status();
                }
            }
            case ExperienceChange.AllowProducts allow -> {
                next.allowed = merged(next.allowed, allow.products());
                next.denied = without(next.denied, allow.products());
            }
            case ExperienceChange.DenyProducts deny -> {
                next.denied = merged(next.denied, deny.products());
                next.allowed = without(next.allowed, deny.products());
            }
            case ExperienceChange.AssociateAudience associate -> {
                var principals = new LinkedHashSet<>(current.principals());
                principals.addAll(associate.principals());
                var id = current.audience() == null
                        ? context.freshId().apply(Audience.ID_PREFIX)
                        : current.audience().id();
                next.audience = new Audience(id, List.copyOf(principals));
            }
            case ExperienceChange.DisassociateAudience disassociate -> {
                var audience = current.audience();
                var missing = disassociate.principals().stream()
                        .filter(p -> !current.principals().contains(p))
                        .toList();
                if (audience == null || !missing.isEmpty()) {
                    throw new ChangeRejected(
                            "PRINCIPAL_NOT_ASSOCIATED",
                            "Principals not in the experience's audience: "
                                    + (missing.isEmpty() ? disassociate.principals() : missing));
                }
                var principals = new ArrayList<>(audience.principals());
                principals.removeAll(disassociate.principals());
                next.audience = new Audience(audience.id(), principals);
            }
            case ExperienceChange.SetPolicy policy -> {
                var existing = current.policy();
                if (policy.create() && existing != null) {
                    throw new ChangeRejected(
                            "PROCUREMENT_POLICY_EXISTS",
                            "The experience has procurement policy " + existing.id() + ".");
                }
                if (!policy.create() && existing == null) {
                    throw new ChangeRejected(
                            "PROCUREMENT_POLICY_NOT_FOUND", "The experience has no procurement policy to update.");
                }
                var id = existing == null ? context.freshId().apply(ProcurementPolicy.ID_PREFIX) : existing.id();
                next.policy = new ProcurementPolicy(id, policy.resourceRequestsAllowed());
            }
            case ExperienceChange.SetBranding branding -> {
                var existing = current.branding();
                if (branding.create() && existing != null) {
                    throw new ChangeRejected(
                            "BRANDING_SETTINGS_EXIST", "The experience has branding settings " + existing.id() + ".");
                }
                if (!branding.create() && existing == null) {
                    throw new ChangeRejected(
                            "BRANDING_SETTINGS_NOT_FOUND", "The experience has no branding settings to update.");
                }
                next.branding = existing == null
                        ? new BrandingSettings(
                                context.freshId().apply(BrandingSettings.ID_PREFIX),
                                branding.title(),
                                branding.color(),
                                branding.logoUrl())
                        : new BrandingSettings(
                                existing.id(),
                                branding.title() != null ? branding.title() : existing.title(),
                                branding.color() != null ? branding.color() : existing.color(),
                                branding.logoUrl() != null ? branding.logoUrl() : existing.logoUrl());
            }
        }
        return next.build();
    }

    /** The rules with the new ones added; a product already there takes the new note. */
    private static List<ProductRule> merged(List<ProductRule> rules, List<ProductRule> added) {
        var byProduct = new LinkedHashMap<String, ProductRule>();
        rules.forEach(rule -> byProduct.put(rule.productId(), rule));
        added.forEach(rule -> byProduct.put(rule.productId(), rule));
        return List.copyOf(byProduct.values());
    }

    private static List<ProductRule> without(List<ProductRule> rules, List<ProductRule> removed) {
        var ids = removed.stream().map(ProductRule::productId).toList();
        return rules.stream().filter(rule -> !ids.contains(rule.productId())).toList();
    }

    /** The experience's fields while a change rewrites some of them. */
    private static final class Builder {
        private final Experience current;
        private final Instant now;
        private String name;
        private @Nullable String description;
        private ExperienceStatus status;
        private List<ProductRule> allowed;
        private List<ProductRule> denied;
        private @Nullable Audience audience;
        private @Nullable ProcurementPolicy policy;
        private @Nullable BrandingSettings branding;

        Builder(Experience current, Instant now) {
            this.current = current;
            this.now = now;
            this.name = current.name();
            this.description = current.description();
            this.status = current.status();
            this.allowed = current.allowedProducts();
            this.denied = current.deniedProducts();
            this.audience = current.audience();
            this.policy = current.policy();
            this.branding = current.branding();
        }

        Experience build() {
            return new Experience(
                    current.id(),
                    current.ownerPartyId(),
                    name,
                    description,
                    status,
                    allowed,
                    denied,
                    audience,
                    policy,
                    branding,
                    current.revision(),
                    current.createdAt(),
                    now);
        }
    }
}
