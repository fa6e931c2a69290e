package io.offerdesk.governance;

import io.offerdesk.governance.internal.ExperienceRepository;
import io.offerdesk.governance.internal.domain.AccountPlace;
import io.offerdesk.governance.internal.domain.Governance;
import io.offerdesk.parties.Account;
import io.offerdesk.parties.OrganizationalUnit;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.PartyKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer's private marketplace: which products an account may buy. Acceptance asks it before every purchase.
 *
 * <p>Of the organization's enabled experiences whose audience covers the account, the most specific govern (the
 * account, else its unit, else the nearest unit above, else the organization). An account no experience governs may
 * buy every product, as on AWS; a governed one only what a governing experience allows and does not deny.
 */
@Service
public class PrivateMarketplace {

    /**
     * What governs an account for one product.
     *
     * @param governed whether an enabled experience covers the account
     * @param allowed whether the account may buy the product
     * @param requestsAccepted whether the account's users may ask for products (only when governed)
     * @param experienceIds the governing experiences, empty when ungoverned
     */
    public record Verdict(boolean governed, boolean allowed, boolean requestsAccepted, List<String> experienceIds) {

        public Verdict {
            experienceIds = List.copyOf(experienceIds);
        }
    }

    private final ExperienceRepository experiences;
    private final PartyManagement parties;
    private final UserManagement users;

    PrivateMarketplace(ExperienceRepository experiences, PartyManagement parties, UserManagement users) {
        this.experiences = experiences;
        this.parties = parties;
        this.users = users;
    }

    /** Whether the account may buy the product; a refusal is {@code DENIED_BY_PRIVATE_MARKETPLACE_POLICY}. */
    @Transactional(readOnly = true)
    public boolean allows(AccountId account, String productId) {
        return verdict(account, productId).allowed();
    }

    @Transactional(readOnly = true)
    public Verdict verdict(AccountId account, String productId) {
        var found = parties.findAccount(account).orElse(null);
        if (found == null) {
            return new Verdict(false, true, false, List.of());
        }
        var enabled = experiences.enabled(found.partyId());
        if (enabled.isEmpty()) {
            return new Verdict(false, true, false, List.of());
        }
        var governing = Governance.of(place(found, parties.organizationalUnitsOf(found.partyId())), enabled);
        return new Verdict(
                governing.governed(),
                governing.allows(productId),
                governing.acceptsRequests(),
                governing.experiences().stream().map(Experience::id).toList());
    }

    /**
     * Of the products, those the buyer user may buy for none of the accounts it acts for: discovery marks them. Empty
     * for anyone but a buyer.
     */
    @Transactional(readOnly = true)
    public Set<String> notAllowed(OfferdeskPrincipal me, Collection<String> productIds) {
        if (me.partyKind() != PartyKind.BUYER || productIds.isEmpty()) {
            return Set.of();
        }
        var enabled = experiences.enabled(me.partyId());
        if (enabled.isEmpty()) {
            return Set.of();
        }
        var units = parties.organizationalUnitsOf(me.partyId());
        var accounts = new HashMap<AccountId, Account>();
        parties.accountsOf(me.partyId()).forEach(account -> accounts.put(account.id(), account));
        var governing = users.accountsOf(me).stream()
                .map(accounts::get)
                .filter(java.util.Objects::nonNull)
                .map(account -> Governance.of(place(account, units), enabled))
                .toList();
        var refused = new LinkedHashSet<String>();
        for (var productId : productIds) {
            if (!governing.isEmpty() && governing.stream().noneMatch(g -> g.allows(productId))) {
                refused.add(productId);
            }
        }
        return refused;
    }

    /** The account's unit and every unit above it, nearest first. */
    private static AccountPlace place(Account account, List<OrganizationalUnit> units) {
        var byId = new HashMap<UUID, OrganizationalUnit>();
        units.forEach(unit -> byId.put(unit.id(), unit));
        var chain = new ArrayList<String>();
        @Nullable UUID next = account.unitId();
        while (next != null && chain.size() <= byId.size()) {
            var unit = byId.get(next);
            if (unit == null) {
                break;
            }
            chain.add(unit.id().toString());
            next = unit.parentId();
        }
        return new AccountPlace(account.id().value(), chain, account.partyId().toString());
    }
}
