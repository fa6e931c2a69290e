package io.offerdesk.parties.internal;

import io.offerdesk.parties.RoleGrant;
import io.offerdesk.parties.User;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.PrincipalSource;
import io.offerdesk.shared.Actor;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells platform security who a user is, from the users, grants and keys that this module owns. */
@Component
class PartiesPrincipalSource implements PrincipalSource {

    private final UserRepository users;
    private final PartyRepository parties;
    private final KeyStore keys;

    PartiesPrincipalSource(UserRepository users, PartyRepository parties, KeyStore keys) {
        this.users = users;
        this.parties = parties;
        this.keys = keys;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Login> findLogin(String email) {
        return users.findByEmail(email)
                .filter(found -> found.passwordHash() != null)
                .map(found -> new Login(
                        principal(found.user(), Actor.Kind.USER),
                        found.passwordHash(),
                        found.user().status() == User.Status.ACTIVE));
    }

    /** Runs on every API call: one query, and no transaction around it. */
    @Override
    public Optional<OfferdeskPrincipal> authenticateApiKey(String token) {
        return keys.authenticate(token).map(key -> key.holder().principal());
    }

    private OfferdeskPrincipal principal(User user, Actor.Kind via) {
        var party = parties.find(user.partyId()).orElseThrow();
        return new OfferdeskPrincipal(
                user.id(),
                user.email(),
                user.displayName(),
                party.id(),
                party.name(),
                party.kind(),
                user.roles().stream().map(RoleGrant::role).collect(Collectors.toSet()),
                via);
    }
}
