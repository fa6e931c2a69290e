package io.offerdesk.platform;

import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.util.Set;

/**
 * One entry of the main navigation. Modules declare them as beans; the layout shows a user the entries of their
 * party kind and roles.
 *
 * @param labelKey the message key of the label
 * @param path where the entry leads
 * @param order position in the menu, low first
 * @param partyKinds the party kinds that see it
 * @param roles the roles that see it; empty means every role of those party kinds
 */
public record NavigationItem(String labelKey, String path, int order, Set<PartyKind> partyKinds, Set<Role> roles) {

    public NavigationItem {
        partyKinds = Set.copyOf(partyKinds);
        roles = Set.copyOf(roles);
    }

    public boolean visibleTo(OfferdeskPrincipal principal) {
        return partyKinds.contains(principal.partyKind())
                && (roles.isEmpty() || roles.stream().anyMatch(principal::has));
    }
}
