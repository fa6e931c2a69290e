package io.offerdesk.governance.internal.rest;

import io.offerdesk.governance.Experience;
import io.offerdesk.governance.GovernedOffers.GovernedOffer;
import io.offerdesk.governance.ProductRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON of the private-marketplace API. */
final class GovernanceJson {

    private GovernanceJson() {}

    record ProductRuleJson(String productId, @Nullable String notes) {}

    record AudienceJson(String id, List<String> principals) {}

    /** @param policyResourceRequests {@code Allow} or {@code Deny} */
    record PolicyJson(String id, String policyResourceRequests) {}

    record BrandingJson(
            String id,
            @Nullable String title,
            @Nullable String color,
            @Nullable String logoUrl) {}

    record ExperienceJson(
            String id,
            String entityType,
            String name,
            @Nullable String description,
            String status,
            List<ProductRuleJson> allowedProducts,
            List<ProductRuleJson> deniedProducts,
            @Nullable AudienceJson audience,
            @Nullable PolicyJson procurementPolicy,
            @Nullable BrandingJson branding,
            long revision,
            Instant lastModifiedAt) {

        static ExperienceJson of(Experience e) {
            var audience = e.audience();
            var policy = e.policy();
            var branding = e.branding();
            return new ExperienceJson(
                    e.id(),
                    Experience.ENTITY_TYPE,
                    e.name(),
                    e.description(),
                    e.status().wireName(),
                    e.allowedProducts().stream()
                            .map(r -> new ProductRuleJson(r.productId(), r.notes()))
                            .toList(),
                    e.deniedProducts().stream()
                            .map(r -> new ProductRuleJson(r.productId(), r.notes()))
                            .toList(),
                    audience == null ? null : new AudienceJson(audience.id(), audience.principals()),
                    policy == null
                            ? null
                            : new PolicyJson(policy.id(), policy.resourceRequestsAllowed() ? "Allow" : "Deny"),
                    branding == null
                            ? null
                            : new BrandingJson(branding.id(), branding.title(), branding.color(), branding.logoUrl()),
                    e.revision(),
                    e.lastModifiedAt());
        }
    }

    record ProductRequestJson(
            String id,
            String accountId,
            String productId,
            String experienceId,
            String justification,
            String status,
            String requestedBy,
            Instant requestedAt,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt,
            @Nullable String comment,
            @Nullable String changeSetId,
            @Nullable String changeSetStatus) {

        static ProductRequestJson of(ProductRequest r, @Nullable String changeSetStatus) {
            return new ProductRequestJson(
                    r.id(),
                    r.accountId(),
                    r.productId(),
                    r.experienceId(),
                    r.justification(),
                    r.status().name(),
                    r.requestedByName(),
                    r.requestedAt(),
                    r.decidedByName(),
                    r.decidedAt(),
                    r.comment(),
                    r.changeSetId(),
                    changeSetStatus);
        }
    }

    record AccountVerdictJson(String accountId, boolean governed, boolean allowed) {}

    record GovernedOfferJson(
            String offerId,
            @Nullable String name,
            String productId,
            String productTitle,
            @Nullable LocalDate availabilityEndDate,
            boolean privateOffer,
            List<AccountVerdictJson> accounts) {

        static GovernedOfferJson of(GovernedOffer g) {
            var offer = g.offer();
            return new GovernedOfferJson(
                    offer.id().value(),
                    offer.name(),
                    offer.productId(),
                    g.productTitle(),
                    offer.availabilityEndDate(),
                    offer.isPrivate(),
                    g.accounts().stream()
                            .map(a -> new AccountVerdictJson(a.accountId(), a.governed(), a.allowed()))
                            .toList());
        }
    }
}
