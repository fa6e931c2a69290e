package io.offerdesk.parties;

import io.offerdesk.parties.PartyCommands.AddAccount;
import io.offerdesk.parties.PartyCommands.AddOrganizationalUnit;
import io.offerdesk.parties.PartyCommands.OnboardParty;
import io.offerdesk.parties.events.AccountAdded;
import io.offerdesk.parties.events.OrganizationalUnitAdded;
import io.offerdesk.parties.events.PartyOnboarded;
import io.offerdesk.parties.internal.PartyRepository;
import io.offerdesk.parties.internal.Secrets;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Validations;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboarding parties and shaping their accounts. The operator onboards; a party's administrator adds accounts and
 * (for buyer organizations) organizational units. Reads are scoped: a party sees only itself, the operator sees all.
 */
@Service
public class PartyManagement {

    public static final int NAME_MAX = 200;

    /** What onboarding made: the party, its first (management) account, and its administrator's invitation. */
    public record Onboarded(Party party, Account account, Invitation adminInvitation) {}

    private final PartyRepository parties;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PartyManagement(PartyRepository parties, UserManagement users, ApplicationEventPublisher events, Clock clock) {
        this.parties = parties;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Onboarded onboard(OfferdeskPrincipal me, OnboardParty command) {
        if (!me.has(Role.OPERATOR_ADMIN)) {
            throw new AccessDeniedException("only the operator onboards parties");
        }
        var checks = new Validations()
                .required("kind", command.kind())
                .check(command.kind() != PartyKind.OPERATOR, "kind", "validation.party.operatorExists")
                .text("name", command.name(), NAME_MAX)
                .maxLength("accountName", command.accountName(), NAME_MAX);
        checkAccountId(checks, "accountId", command.accountId());
        users.checkNewUser(checks, "adminEmail", command.adminEmail(), "adminName", command.adminName());
        checks.throwIfInvalid();
        return onboard(me.actor(), command);
    }

    /** Onboarding without a signed-in operator: the first operator at installation, and demo data. */
    @Transactional
    public Onboarded onboard(Actor actor, OnboardParty command) {
        var kind = Validations.present("kind", command.kind());
        var name = Validations.present("name", command.name()).trim();
        if (parties.findByName(name).isPresent()) {
            throw new Conflict("conflict.partyName", name);
        }
        var now = clock.instant();
        var party = new Party(UUID.randomUUID(), kind, name, now);
        parties.insert(party);
        events.publishEvent(new PartyOnboarded(party.id(), kind.name(), name, actor, now));
        @Nullable UUID root = null;
        if (kind == PartyKind.BUYER) {
            root = insertUnit(actor, party.id(), null, name).id();
        }
        var accountName = command.accountName() == null || command.accountName().isBlank()
                ? name
                : command.accountName().trim();
        var account = insertAccount(actor, party.id(), command.accountId(), accountName, Account.Kind.MANAGEMENT, root);
        var invitation = users.invite(
                actor,
                party,
                Validations.present("adminEmail", command.adminEmail()),
                Validations.present("adminName", command.adminName()),
                List.of(RoleGrant.everywhere(Role.administratorOf(kind))));
        return new Onboarded(party, account, invitation);
    }

    @Transactional
    public Account addAccount(OfferdeskPrincipal me, UUID partyId, AddAccount command) {
        return addAccount(me.actor(), administered(me, partyId), command);
    }

    /** Adding an account without a signed-in administrator: demo data. */
    @Transactional
    public Account addAccount(Actor actor, UUID partyId, AddAccount command) {
        return addAccount(
                actor, parties.find(partyId).orElseThrow(() -> new NotFound("party", partyId.toString())), command);
    }

    private Account addAccount(Actor actor, Party party, AddAccount command) {
        var checks = new Validations().text("name", command.name(), NAME_MAX);
        checkAccountId(checks, "accountId", command.accountId());
        var unitId = unitOf(checks, party, command.unitId());
        checks.throwIfInvalid();
        return insertAccount(
                actor,
                party.id(),
                command.accountId(),
                Validations.present("name", command.name()).trim(),
                Account.Kind.MEMBER,
                unitId);
    }

    @Transactional
    public OrganizationalUnit addOrganizationalUnit(
            OfferdeskPrincipal me, UUID partyId, AddOrganizationalUnit command) {
        return addOrganizationalUnit(me.actor(), administered(me, partyId), command);
    }

    /** Adding an organizational unit without a signed-in administrator: demo data. */
    @Transactional
    public OrganizationalUnit addOrganizationalUnit(Actor actor, UUID partyId, AddOrganizationalUnit command) {
        return addOrganizationalUnit(
                actor, parties.find(partyId).orElseThrow(() -> new NotFound("party", partyId.toString())), command);
    }

    private OrganizationalUnit addOrganizationalUnit(Actor actor, Party party, AddOrganizationalUnit command) {
        var checks = new Validations()
                .check(party.kind() == PartyKind.BUYER, "parentId", "validation.party.unitsForBuyers")
                .text("name", command.name(), NAME_MAX);
        var units = parties.units(party.id());
        var parent = command.parentId() == null || command.parentId().isBlank()
                ? units.stream()
                        .filter(u -> u.parentId() == null)
                        .map(OrganizationalUnit::id)
                        .findFirst()
                        .orElse(null)
                : unitOf(checks, party, command.parentId());
        checks.throwIfInvalid();
        var name = Validations.present("name", command.name()).trim();
        if (units.stream()
                .anyMatch(u -> Objects.equals(u.parentId(), parent) && u.name().equalsIgnoreCase(name))) {
            throw new Conflict("conflict.unitName", name);
        }
        return insertUnit(actor, party.id(), parent, name);
    }

    @Transactional(readOnly = true)
    public Party party(OfferdeskPrincipal me, UUID partyId) {
        return parties.find(partyId)
                .filter(p -> me.isOperator() || p.id().equals(me.partyId()))
                .orElseThrow(() -> new NotFound("party", partyId.toString()));
    }

    @Transactional(readOnly = true)
    public List<Party> parties(OfferdeskPrincipal me, @Nullable PartyKind kind) {
        if (!me.isOperator()) {
            throw new AccessDeniedException("only the operator lists parties");
        }
        return parties.all(kind);
    }

    @Transactional(readOnly = true)
    public List<Account> accounts(OfferdeskPrincipal me, UUID partyId) {
        return parties.accounts(party(me, partyId).id());
    }

    @Transactional(readOnly = true)
    public List<OrganizationalUnit> organizationalUnits(OfferdeskPrincipal me, UUID partyId) {
        return parties.units(party(me, partyId).id());
    }

    /** For other modules: a party by id, unscoped. Callers apply their own visibility rules. */
    @Transactional(readOnly = true)
    public Optional<Party> find(UUID partyId) {
        return parties.find(partyId);
    }

    /** For other modules: a party's accounts, its management account first, unscoped. */
    @Transactional(readOnly = true)
    public List<Account> accountsOf(UUID partyId) {
        return parties.accounts(partyId);
    }

    /** For other modules: a buyer organization's units, its root first, unscoped. */
    @Transactional(readOnly = true)
    public List<OrganizationalUnit> organizationalUnitsOf(UUID partyId) {
        return parties.units(partyId);
    }

    /** For other modules: the account with this id, whichever party holds it, unscoped. */
    @Transactional(readOnly = true)
    public Optional<Account> findAccount(AccountId id) {
        return parties.account(id);
    }

    /** For other modules and demo data: a party by its (unique) name, unscoped. */
    @Transactional(readOnly = true)
    public Optional<Party> findByName(String name) {
        return parties.findByName(name);
    }

    /** The party, if the caller administers it; for {@link Organizations} too. */
    Party administered(OfferdeskPrincipal me, UUID partyId) {
        var party = party(me, partyId);
        if (!party.id().equals(me.partyId()) || !me.has(Role.administratorOf(party.kind()))) {
            throw new AccessDeniedException("only the party's administrator changes its accounts");
        }
        return party;
    }

    private @Nullable UUID unitOf(Validations checks, Party party, @Nullable String unitId) {
        if (unitId == null || unitId.isBlank()) {
            return null;
        }
        var unit = parseUuid(unitId)
                .flatMap(id -> parties.units(party.id()).stream()
                        .filter(u -> u.id().equals(id))
                        .findFirst());
        checks.check(unit.isPresent(), "unitId", "validation.party.unknownUnit");
        return unit.map(OrganizationalUnit::id).orElse(null);
    }

    private void checkAccountId(Validations checks, String field, @Nullable String accountId) {
        if (accountId != null && !accountId.isBlank()) {
            checks.check(AccountId.isValid(accountId.trim()), field, "validation.accountId");
        }
    }

    private Account insertAccount(
            Actor actor,
            UUID partyId,
            @Nullable String requestedId,
            String name,
            Account.Kind kind,
            @Nullable UUID unitId) {
        var id = requestedId == null || requestedId.isBlank() ? freshAccountId() : new AccountId(requestedId.trim());
        if (parties.account(id).isPresent()) {
            throw new Conflict("conflict.accountId", id.value());
        }
        var account = new Account(id, partyId, name, kind, unitId, false, false);
        var now = clock.instant();
        parties.insert(account, now);
        events.publishEvent(new AccountAdded(partyId, id.value(), name, kind.name(), unitId, actor, now));
        return account;
    }

    private OrganizationalUnit insertUnit(Actor actor, UUID partyId, @Nullable UUID parentId, String name) {
        var unit = new OrganizationalUnit(UUID.randomUUID(), partyId, parentId, name);
        parties.insert(unit);
        events.publishEvent(new OrganizationalUnitAdded(partyId, unit.id(), parentId, name, actor, clock.instant()));
        return unit;
    }

    private AccountId freshAccountId() {
        while (true) {
            var candidate = new AccountId(Secrets.accountId());
            if (parties.account(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
