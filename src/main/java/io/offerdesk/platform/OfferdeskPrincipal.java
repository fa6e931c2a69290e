package io.offerdesk.platform;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user as every controller sees it, whether they came through the login form or an API key.
 *
 * @param userId the user
 * @param email the login name
 * @param displayName how the user is shown
 * @param partyId the party the user acts for; every tenant-owned query filters on it
 * @param partyName how the party is shown
 * @param partyKind operator, seller, channel partner or buyer
 * @param roles what the user may do for the party
 * @param via how the user authenticated, for the audit trail
 */
public record OfferdeskPrincipal(
        UUID userId,
        String email,
        String displayName,
        UUID partyId,
        String partyName,
        PartyKind partyKind,
        Set<Role> roles,
        Actor.Kind via)
        implements Serializable {

    public OfferdeskPrincipal {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isOperator() {
        return partyKind == PartyKind.OPERATOR;
    }

    public Actor actor() {
        return new Actor(via, userId, partyId, displayName + " <" + email + ">");
    }
}
