package io.offerdesk.gtm.internal.approvals.domain;

import io.offerdesk.shared.Role;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who may give one approval: any active user of the party holding a role, or one named user.
 *
 * @param label how the approver is named in refusals and on pages: the role's name or the user's display name
 */
public record Approver(@Nullable Role role, @Nullable UUID userId, String label) {

    public Approver {
        if ((role == null) == (userId == null)) {
            throw new IllegalArgumentException("an approver is a role or a user");
        }
    }

    public static Approver of(Role role) {
        return new Approver(role, null, role.name());
    }

    public static Approver user(UUID userId, String displayName) {
        return new Approver(null, userId, displayName);
    }

    /** Whether the user with these roles may give this approval. */
    public boolean admits(UUID user, java.util.Set<Role> roles) {
        return role != null ? roles.contains(role) : user.equals(userId);
    }

    /** The same approver, whatever the label says. */
    boolean sameAs(Approver other) {
        return java.util.Objects.equals(role, other.role) && java.util.Objects.equals(userId, other.userId);
    }
}
