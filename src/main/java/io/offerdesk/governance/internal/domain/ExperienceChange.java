package io.offerdesk.governance.internal.domain;

import io.offerdesk.governance.Experience.ProductRule;
import io.offerdesk.governance.ExperienceStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One change to an experience, as read from its {@code DetailsDocument}. */
public sealed interface ExperienceChange {

    record Create(String name, @Nullable String description) implements ExperienceChange {}

    /** Changes only what it names. */
    record Update(
            @Nullable String name,
            @Nullable String description,
            @Nullable ExperienceStatus status) implements ExperienceChange {}

    record AllowProducts(List<ProductRule> products) implements ExperienceChange {}

    record DenyProducts(List<ProductRule> products) implements ExperienceChange {}

    record AssociateAudience(List<String> principals) implements ExperienceChange {}

    record DisassociateAudience(List<String> principals) implements ExperienceChange {}

    /** Creates the policy ({@code create}) or changes the one there is. */
    record SetPolicy(boolean create, boolean resourceRequestsAllowed) implements ExperienceChange {}

    /** Creates the branding ({@code create}) or changes what it names of the one there is. */
    record SetBranding(
            boolean create,
            @Nullable String title,
            @Nullable String color,
            @Nullable String logoUrl) implements ExperienceChange {}
}
