package io.offerdesk.governance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A private-marketplace experience ({@code Experience@1.0}): the catalogue of products a buyer organization approves
 * for the accounts of its audience, with the procurement policy and branding they see. The audience, policy and
 * branding are the entities AWS names {@code Audience@1.0}, {@code ProcurementPolicy@1.0} and {@code
 * BrandingSettings@1.0}; each has its own id but lives and changes with its experience (see ADR 0023).
 *
 * @param allowedProducts the products the audience may buy, with the administrator's notes
 * @param deniedProducts the products explicitly refused; a product is in at most one of the two lists
 * @param audience absent until the first principal is associated
 * @param policy absent until one is created; without one, users may request products
 * @param branding absent until created
 */
public record Experience(
        String id,
        UUID ownerPartyId,
        String name,
        @Nullable String description,
        ExperienceStatus status,
        List<ProductRule> allowedProducts,
        List<ProductRule> deniedProducts,
        @Nullable Audience audience,
        @Nullable ProcurementPolicy policy,
        @Nullable BrandingSettings branding,
        long revision,
        Instant createdAt,
        Instant lastModifiedAt) {

    public static final String ENTITY_TYPE = "Experience@1.0";
    public static final String ID_PREFIX = "exp-";
    public static final int ID_RANDOM_LENGTH = 13;

    public Experience {
        allowedProducts = List.copyOf(allowedProducts);
        deniedProducts = List.copyOf(deniedProducts);
    }

    /** A product with the administrator's note on why it is allowed or denied. */
    public record ProductRule(String productId, @Nullable String notes) {}

    /**
     * Who the experience governs ({@code Audience@1.0}).
     *
     * @param principals the organization (its party id or root unit id), organizational unit ids and account ids
     */
    public record Audience(String id, List<String> principals) {
        public static final String ID_PREFIX = "aud-";

        public Audience {
            principals = List.copyOf(principals);
        }
    }

    /** {@code ProcurementPolicy@1.0}: whether users governed by the experience may request other products. */
    public record ProcurementPolicy(String id, boolean resourceRequestsAllowed) {
        public static final String ID_PREFIX = "procpolicy-";
    }

    /** {@code BrandingSettings@1.0}: how the experience presents itself to its users. */
    public record BrandingSettings(
            String id,
            @Nullable String title,
            @Nullable String color,
            @Nullable String logoUrl) {
        public static final String ID_PREFIX = "brand-";
    }

    public boolean enabled() {
        return status == ExperienceStatus.ENABLED;
    }

    /** Whether the experience lets its audience buy the product: it is allowed and not denied. */
    public boolean allows(String productId) {
        return allowedProducts.stream().anyMatch(rule -> rule.productId().equals(productId))
                && deniedProducts.stream().noneMatch(rule -> rule.productId().equals(productId));
    }

    /** Whether users may ask administrators for products it does not allow; so they may until a policy says no. */
    public boolean acceptsRequests() {
        return policy == null || policy.resourceRequestsAllowed();
    }

    public List<String> principals() {
        return audience == null ? List.of() : audience.principals();
    }

    public Experience withRevision(long next) {
        return new Experience(
                id,
                ownerPartyId,
                name,
                description,
                status,
                allowedProducts,
                deniedProducts,
                audience,
                policy,
                branding,
                next,
                createdAt,
                lastModifiedAt);
    }
}
