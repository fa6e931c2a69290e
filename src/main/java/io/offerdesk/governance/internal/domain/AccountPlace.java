package io.offerdesk.governance.internal.domain;

import java.util.List;

/**
 * Where an account sits in its organization, as audiences name it.
 *
 * @param accountId the 12-digit account
 * @param units the ids of its organizational unit and every unit above it, nearest first; the last is the root
 * @param organizationId the organization's party id
 */
public record AccountPlace(String accountId, List<String> units, String organizationId) {

    public AccountPlace {
        units = List.copyOf(units);
    }

    /**
     * How specifically a principal names this account: 0 for the account itself, 1 for its own unit, one more for each
     * unit above, and the organization (its party id or root unit) last; -1 when the principal does not cover it.
     */
    public int specificity(String principal) {
        if (principal.equals(accountId)) {
            return 0;
        }
        var organization = units.size() + 1;
        if (principal.equals(organizationId)) {
            return organization;
        }
        var index = units.indexOf(principal);
        if (index < 0) {
            return -1;
        }
        return index == units.size() - 1 ? organization : index + 1;
    }
}
