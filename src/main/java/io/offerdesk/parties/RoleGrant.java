package io.offerdesk.parties;

import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Role;
import org.jspecify.annotations.Nullable;

/** A role a user holds, for one account of their party or (without an account) for all of them. */
public record RoleGrant(Role role, @Nullable AccountId account) {

    public static RoleGrant everywhere(Role role) {
        return new RoleGrant(role, null);
    }
}
