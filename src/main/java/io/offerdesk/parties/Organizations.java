package io.offerdesk.parties;

import io.offerdesk.parties.PartyCommands.DesignateBillingAccount;
import io.offerdesk.parties.PartyCommands.UpdateAccount;
import io.offerdesk.parties.PartyCommands.UpdateOrganizationalUnit;
import io.offerdesk.parties.events.AccountMoved;
import io.offerdesk.parties.events.AccountRenamed;
import io.offerdesk.parties.events.BillingAccountDesignated;
import io.offerdesk.parties.events.OrganizationalUnitMoved;
import io.offerdesk.parties.events.OrganizationalUnitRemoved;
import io.offerdesk.parties.events.OrganizationalUnitRenamed;
import io.offerdesk.parties.events.ProcurementAccountDesignated;
import io.offerdesk.parties.internal.PartyRepository;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Validations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of a buyer organization: its marketplace administrator renames, moves and removes organizational
 * units, renames accounts and moves them between units, designates the procurement accounts (those meant to accept
 * offers) and the account billed for every purchase of the organization. Other modules ask which account is billed for
 * a purchase and whether an account is a procurement account. Every change is audited.
 */
@Service
public class Organizations {

    /**
     * A party's accounts and units, as a tree for the page.
     *
     * @param units root first, then by name
     */
    public record Organization(Party party, List<OrganizationalUnit> units, List<Account> accounts) {

        public Organization {
            units = List.copyOf(units);
            accounts = List.copyOf(accounts);
        }

        public @Nullable OrganizationalUnit root() {
            return units.stream().filter(u -> u.parentId() == null).findFirst().orElse(null);
        }

        public List<OrganizationalUnit> children(UUID unitId) {
            return units.stream().filter(u -> unitId.equals(u.parentId())).toList();
        }

        public List<Account> accountsIn(@Nullable UUID unitId) {
            return accounts.stream()
                    .filter(a -> Objects.equals(a.unitId(), unitId))
                    .toList();
        }

        public Optional<Account> billingAccount() {
            return accounts.stream().filter(Account::billing).findFirst();
        }

        /** Whether the organization named any procurement account; if not, every account accepts as before. */
        public boolean designatesProcurement() {
            return accounts.stream().anyMatch(Account::procurement);
        }

        /** The unit and every unit under it. */
        List<UUID> subtree(UUID unitId) {
            var found = new ArrayList<UUID>();
            found.add(unitId);
            for (int i = 0; i < found.size(); i++) {
                var parent = found.get(i);
                children(parent).forEach(child -> found.add(child.id()));
            }
            return found;
        }
    }

    private final PartyManagement parties;
    private final PartyRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Organizations(PartyManagement parties, PartyRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.parties = parties;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** The party's organization, for its own users and the operator. */
    @Transactional(readOnly = true)
    public Organization organization(OfferdeskPrincipal me, UUID partyId) {
        return organizationOf(parties.party(me, partyId));
    }

    @Transactional
    public OrganizationalUnit updateOrganizationalUnit(
            OfferdeskPrincipal me, UUID partyId, String unitId, UpdateOrganizationalUnit command) {
        var organization = organizationOf(parties.administered(me, partyId));
        var unit = unit(organization, unitId);
        var checks = new Validations();
        if (command.name() != null) {
            checks.text("name", command.name(), PartyManagement.NAME_MAX);
        }
        @Nullable UUID parent = unit.parentId();
        if (command.parentId() != null) {
            checks.check(unit.parentId() != null, "parentId", "validation.party.rootUnit");
            var target = PartyManagement.parseUuid(command.parentId())
                    .filter(id -> organization.units().stream().anyMatch(u -> u.id().equals(id)));
            checks.check(target.isPresent(), "parentId", "validation.party.unknownUnit");
            if (target.isPresent() && unit.parentId() != null) {
                // A unit cannot go under itself or anything under it: the tree would become a loop.
                checks.check(
                        !organization.subtree(unit.id()).contains(target.get()),
                        "parentId",
                        "validation.party.unitCycle");
                parent = target.get();
            }
        }
        checks.throwIfInvalid();
        var name = command.name() == null ? unit.name() : command.name().trim();
        var moved = !Objects.equals(parent, unit.parentId());
        var renamed = !name.equals(unit.name());
        var finalParent = parent;
        if ((moved || renamed)
                && organization.units().stream()
                        .anyMatch(u -> !u.id().equals(unit.id())
                                && Objects.equals(u.parentId(), finalParent)
                                && u.name().equalsIgnoreCase(name))) {
            throw new Conflict("conflict.unitName", name);
        }
        var now = clock.instant();
        if (renamed) {
            repository.renameUnit(partyId, unit.id(), name);
            events.publishEvent(new OrganizationalUnitRenamed(partyId, unit.id(), name, me.actor(), now));
        }
        if (moved) {
            var newParent = Objects.requireNonNull(parent);
            repository.moveUnit(partyId, unit.id(), newParent);
            events.publishEvent(new OrganizationalUnitMoved(partyId, unit.id(), newParent, me.actor(), now));
        }
        return new OrganizationalUnit(unit.id(), partyId, parent, name);
    }

    /** Removes an organizational unit that holds no unit and no account; the root stays. */
    @Transactional
    public void removeOrganizationalUnit(OfferdeskPrincipal me, UUID partyId, String unitId) {
        var organization = organizationOf(parties.administered(me, partyId));
        var unit = unit(organization, unitId);
        if (unit.parentId() == null) {
            throw new InvalidInput("unitId", "validation.party.rootUnit");
        }
        if (!repository.removeEmptyUnit(partyId, unit.id())) {
            throw new Conflict("conflict.unitNotEmpty", unit.name());
        }
        events.publishEvent(
                new OrganizationalUnitRemoved(partyId, unit.id(), unit.name(), me.actor(), clock.instant()));
    }

    @Transactional
    public Account updateAccount(OfferdeskPrincipal me, UUID partyId, String accountId, UpdateAccount command) {
        return updateAccount(me.actor(), organizationOf(parties.administered(me, partyId)), accountId, command);
    }

    /** Changing an account without a signed-in administrator: demo data. */
    @Transactional
    public Account updateAccount(Actor actor, UUID partyId, String accountId, UpdateAccount command) {
        var party = parties.find(partyId).orElseThrow(() -> new NotFound("party", partyId.toString()));
        return updateAccount(actor, organizationOf(party), accountId, command);
    }

    private Account updateAccount(Actor actor, Organization organization, String accountId, UpdateAccount command) {
        var account = account(organization, accountId);
        var buyer = organization.party().kind() == PartyKind.BUYER;
        var checks = new Validations();
        if (command.name() != null) {
            checks.text("name", command.name(), PartyManagement.NAME_MAX);
        }
        var unitId = account.unitId();
        if (command.unitId() != null) {
            var target = PartyManagement.parseUuid(command.unitId())
                    .filter(id -> organization.units().stream().anyMatch(u -> u.id().equals(id)));
            checks.check(target.isPresent(), "unitId", "validation.party.unknownUnit");
            unitId = target.orElse(unitId);
        }
        if (command.procurement() != null) {
            checks.check(buyer, "procurement", "validation.party.procurementForBuyers");
        }
        checks.throwIfInvalid();
        var partyId = organization.party().id();
        var name = command.name() == null ? account.name() : command.name().trim();
        var procurement = command.procurement() == null ? account.procurement() : command.procurement();
        var now = clock.instant();
        if (!name.equals(account.name())) {
            repository.renameAccount(partyId, account.id(), name);
            events.publishEvent(new AccountRenamed(partyId, account.id().value(), name, actor, now));
        }
        if (!Objects.equals(unitId, account.unitId())) {
            var unit = Objects.requireNonNull(unitId);
            repository.moveAccount(partyId, account.id(), unit);
            events.publishEvent(new AccountMoved(partyId, account.id().value(), unit, actor, now));
        }
        if (procurement != account.procurement()) {
            repository.designateProcurement(partyId, account.id(), procurement);
            events.publishEvent(
                    new ProcurementAccountDesignated(partyId, account.id().value(), procurement, actor, now));
        }
        return new Account(account.id(), partyId, name, account.kind(), unitId, procurement, account.billing());
    }

    /** Names the account billed for all the organization's purchases, or none. */
    @Transactional
    public Organization designateBillingAccount(OfferdeskPrincipal me, UUID partyId, DesignateBillingAccount command) {
        var organization = organizationOf(parties.administered(me, partyId));
        if (organization.party().kind() != PartyKind.BUYER) {
            throw new InvalidInput("accountId", "validation.party.billingForBuyers");
        }
        var requested = command.accountId() == null || command.accountId().isBlank()
                ? null
                : command.accountId().trim();
        var account = requested == null
                ? null
                : organization.accounts().stream()
                        .filter(a -> a.id().value().equals(requested))
                        .findFirst()
                        .orElseThrow(() -> new InvalidInput("accountId", "validation.role.account"));
        var current = organization.billingAccount().map(Account::id).orElse(null);
        var next = account == null ? null : account.id();
        if (!Objects.equals(current, next)) {
            repository.designateBilling(partyId, next);
            events.publishEvent(new BillingAccountDesignated(
                    partyId, next == null ? null : next.value(), me.actor(), clock.instant()));
        }
        return organizationOf(organization.party());
    }

    /**
     * For other modules: the account billed for a purchase by {@code buyerAccount}, which is its organization's
     * billing account when it names one, else the account itself.
     */
    @Transactional(readOnly = true)
    public AccountId billingAccountFor(AccountId buyerAccount) {
        return repository
                .account(buyerAccount)
                .flatMap(account -> repository.accounts(account.partyId()).stream()
                        .filter(Account::billing)
                        .findFirst())
                .map(Account::id)
                .orElse(buyerAccount);
    }

    /**
     * For other modules: whether the account is meant to accept offers, which it is when it is a designated
     * procurement account, or when its organization designates none (every account accepts, as before designations).
     */
    @Transactional(readOnly = true)
    public boolean isProcurementAccount(AccountId account) {
        var found = repository.account(account);
        if (found.isEmpty() || found.get().procurement()) {
            return true;
        }
        return repository.accounts(found.get().partyId()).stream().noneMatch(Account::procurement);
    }

    private Organization organizationOf(Party party) {
        var units = new ArrayList<>(repository.units(party.id()));
        // The root first, then by name.
        units.sort(Comparator.comparing((OrganizationalUnit u) -> u.parentId() != null)
                .thenComparing(OrganizationalUnit::name));
        return new Organization(party, units, repository.accounts(party.id()));
    }

    private static OrganizationalUnit unit(Organization organization, String unitId) {
        return PartyManagement.parseUuid(unitId)
                .flatMap(id -> organization.units().stream()
                        .filter(u -> u.id().equals(id))
                        .findFirst())
                .orElseThrow(() -> new NotFound("organizational-unit", unitId));
    }

    private static Account account(Organization organization, String accountId) {
        return organization.accounts().stream()
                .filter(a -> a.id().value().equals(accountId))
                .findFirst()
                .orElseThrow(() -> new NotFound("account", accountId));
    }
}
