package io.offerdesk.platform.internal.security;

import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.platform.PrincipalSource;
import org.springframework.security.core.userdetails.User;

/** A form-login session's user: Spring Security's {@link User} carrying the Offerdesk principal. */
class SignedInUser extends User {

    private final OfferdeskPrincipal principal;

    SignedInUser(PrincipalSource.Login login) {
        super(
                login.principal().email(),
                login.passwordHash(),
                login.enabled(),
                true,
                true,
                true,
                Authorities.of(login.principal()));
        this.principal = login.principal();
    }

    OfferdeskPrincipal principal() {
        return principal;
    }
}
