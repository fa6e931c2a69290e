package io.offerdesk.parties;

import io.offerdesk.parties.PartyCommands.Grant;
import io.offerdesk.parties.PartyCommands.InviteUser;
import io.offerdesk.parties.events.InvitationAccepted;
import io.offerdesk.parties.events.UserInvited;
import io.offerdesk.parties.events.UserRolesChanged;
import io.offerdesk.parties.events.UserStatusChanged;
import io.offerdesk.parties.internal.PartyRepository;
import io.offerdesk.parties.internal.Secrets;
import io.offerdesk.parties.internal.UserRepository;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import io.offerdesk.shared.Sha256;
import io.offerdesk.shared.Validations;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their roles. A party's administrator invites users, changes their roles and disables them; the invitee
 * activates the account by setting a password through the invitation link.
 */
@Service
public class UserManagement {

    public static final int EMAIL_MAX = 254;
    public static final int NAME_MAX = 200;
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 128;
    public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final UserRepository users;
    private final PartyRepository parties;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserManagement(
            UserRepository users,
            PartyRepository parties,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.parties = parties;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The accounts a user acts for: every account of the party when one of the user's roles is not narrowed to an
     * account, otherwise the accounts their roles name. Buyers see the private offers that target these accounts.
     */
    @Transactional(readOnly = true)
    public List<AccountId> accountsOf(OfferdeskPrincipal me) {
        var grants = users.find(me.userId()).map(User::roles).orElse(List.of());
        if (grants.stream().anyMatch(g -> g.account() == null)) {
            return parties.accounts(me.partyId()).stream().map(Account::id).toList();
        }
        return grants.stream()
                .map(RoleGrant::account)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }

    @Transactional
    public Invitation invite(OfferdeskPrincipal me, UUID partyId, InviteUser command) {
        var party = parties.find(partyId)
                .filter(p -> p.id().equals(me.partyId()) || me.isOperator())
                .orElseThrow(() -> new NotFound("party", partyId.toString()));
        requireAdministrator(me, party);
        var checks = new Validations();
        checkNewUser(checks, "email", command.email(), "displayName", command.displayName());
        var grants = grants(checks, party, command.roles());
        checks.throwIfInvalid();
        return invite(
                me.actor(),
                party,
                Validations.present("email", command.email()),
                Validations.present("displayName", command.displayName()),
                grants);
    }

    Invitation invite(Actor actor, Party party, String email, String displayName, List<RoleGrant> grants) {
        var normalized = email.trim().toLowerCase(Locale.ROOT);
        if (users.findByEmail(normalized).isPresent()) {
            throw new Conflict("conflict.email", normalized);
        }
        var now = clock.instant();
        var token = Secrets.lower(32);
        var user = new User(
                UUID.randomUUID(), party.id(), normalized, displayName.trim(), User.Status.INVITED, grants, now);
        users.insert(user, null, Sha256.hex(token), now.plus(INVITATION_VALIDITY));
        events.publishEvent(new UserInvited(party.id(), user.id(), normalized, names(grants), actor, now));
        return new Invitation(user, token);
    }

    /** Creates an active user with a known password: demo data and the installation's first operator only. */
    @Transactional
    public User createActive(
            Actor actor, UUID partyId, String email, String displayName, String password, List<RoleGrant> grants) {
        var party = parties.find(partyId).orElseThrow(() -> new NotFound("party", partyId.toString()));
        var invitation = invite(actor, party, email, displayName, grants);
        accept(invitation.token(), password);
        return users.find(invitation.user().id()).orElseThrow();
    }

    @Transactional
    public User accept(String token, @Nullable String password) {
        new Validations()
                .required("password", password)
                .check(
                        password == null || password.length() >= PASSWORD_MIN,
                        "password",
                        "validation.password.short",
                        PASSWORD_MIN)
                .maxLength("password", password, PASSWORD_MAX)
                .throwIfInvalid();
        var userId = users.invitedBy(Sha256.hex(token), clock.instant())
                .orElseThrow(() -> new NotFound("invitation", "token"));
        users.activate(userId, passwords.encode(password));
        var user = users.find(userId).orElseThrow();
        var invitee =
                new Actor(Actor.Kind.USER, userId, user.partyId(), user.displayName() + " <" + user.email() + ">");
        events.publishEvent(new InvitationAccepted(user.partyId(), userId, invitee, clock.instant()));
        return user;
    }

    @Transactional
    public User changeRoles(OfferdeskPrincipal me, UUID userId, @Nullable List<Grant> roles) {
        var user = user(me, userId);
        var party = parties.find(user.partyId()).orElseThrow();
        requireAdministrator(me, party);
        var checks = new Validations();
        var grants = grants(checks, party, roles);
        checks.check(
                !userId.equals(me.userId())
                        || grants.stream().anyMatch(g -> g.role() == Role.administratorOf(party.kind())),
                "roles",
                "validation.user.keepOwnAdmin");
        checks.throwIfInvalid();
        users.replaceGrants(userId, grants);
        events.publishEvent(new UserRolesChanged(party.id(), userId, names(grants), me.actor(), clock.instant()));
        return users.find(userId).orElseThrow();
    }

    @Transactional
    public User setEnabled(OfferdeskPrincipal me, UUID userId, boolean enabled) {
        var user = user(me, userId);
        requireAdministrator(me, parties.find(user.partyId()).orElseThrow());
        if (userId.equals(me.userId())) {
            throw new InvalidInput("userId", "validation.user.notSelf");
        }
        if (user.status() == User.Status.INVITED) {
            throw new InvalidInput("userId", "validation.user.stillInvited");
        }
        var status = enabled ? User.Status.ACTIVE : User.Status.DISABLED;
        users.setStatus(userId, status);
        events.publishEvent(new UserStatusChanged(user.partyId(), userId, status.name(), me.actor(), clock.instant()));
        return users.find(userId).orElseThrow();
    }

    /** A user of the caller's own party; the operator may read any. Anyone else's is not found. */
    @Transactional(readOnly = true)
    public User user(OfferdeskPrincipal me, UUID userId) {
        return users.find(userId)
                .filter(u -> u.partyId().equals(me.partyId()) || me.isOperator())
                .orElseThrow(() -> new NotFound("user", userId.toString()));
    }

    @Transactional(readOnly = true)
    public List<User> users(OfferdeskPrincipal me, UUID partyId) {
        if (!partyId.equals(me.partyId()) && !me.isOperator()) {
            throw new NotFound("party", partyId.toString());
        }
        return users.ofParty(partyId);
    }

    /**
     * The party's active users who hold the role, for the account when one is named (a grant narrowed to another
     * account does not count). For messages the marketplace sends on its own behalf, such as reminders; it reads no
     * other party's users.
     */
    @Transactional(readOnly = true)
    public List<User> activeHolders(UUID partyId, Role role, @Nullable AccountId account) {
        return users.ofParty(partyId).stream()
                .filter(u -> u.status() == User.Status.ACTIVE)
                .filter(u -> u.roles().stream()
                        .anyMatch(g -> g.role() == role
                                && (g.account() == null
                                        || account == null
                                        || g.account().equals(account))))
                .toList();
    }

    /**
     * The party's user, when it is active. For messages the marketplace sends on its own behalf to a named user (an
     * approver a policy names); it reads no other party's users.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<User> activeUser(UUID partyId, UUID userId) {
        return users.find(userId)
                .filter(u -> u.partyId().equals(partyId))
                .filter(u -> u.status() == User.Status.ACTIVE);
    }

    void checkNewUser(
            Validations checks, String emailField, @Nullable String email, String nameField, @Nullable String name) {
        checks.text(emailField, email, EMAIL_MAX)
                .matches(emailField, email == null ? null : email.trim(), EMAIL, "validation.email")
                .text(nameField, name, NAME_MAX);
    }

    private List<RoleGrant> grants(Validations checks, Party party, @Nullable List<Grant> requested) {
        if (requested == null || requested.isEmpty()) {
            checks.add(FieldViolation.of("roles", "validation.required"));
            return List.of();
        }
        var accounts = parties.accounts(party.id());
        var grants = new LinkedHashSet<RoleGrant>();
        for (int i = 0; i < requested.size(); i++) {
            var field = "roles[" + i + "]";
            var grant = requested.get(i);
            var role = parseRole(grant.role());
            if (role == null) {
                checks.add(FieldViolation.of(field + ".role", "validation.enum", List.of(Role.forParty(party.kind()))));
                continue;
            }
            if (!role.appliesTo(party.kind())) {
                checks.add(FieldViolation.of(field + ".role", "validation.role.notForParty", role, party.kind()));
                continue;
            }
            @Nullable AccountId account = null;
            if (grant.accountId() != null && !grant.accountId().isBlank()) {
                var id = grant.accountId().trim();
                var known = AccountId.isValid(id)
                        && accounts.stream().anyMatch(a -> a.id().value().equals(id));
                if (!known) {
                    checks.add(FieldViolation.of(field + ".accountId", "validation.role.account"));
                    continue;
                }
                account = new AccountId(id);
            }
            grants.add(new RoleGrant(role, account));
        }
        return new ArrayList<>(grants);
    }

    private static @Nullable Role parseRole(@Nullable String name) {
        if (name == null) {
            return null;
        }
        try {
            return Role.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static List<String> names(List<RoleGrant> grants) {
        return grants.stream()
                .map(g -> g.account() == null ? g.role().name() : g.role() + "@" + g.account())
                .toList();
    }

    static void requireAdministrator(OfferdeskPrincipal me, Party party) {
        if (!party.id().equals(me.partyId()) || !me.has(Role.administratorOf(party.kind()))) {
            throw new AccessDeniedException("only the party's administrator manages its users");
        }
    }
}
