package io.offerdesk.platform;

import io.offerdesk.platform.internal.security.Authorities;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * The Spring Security authentication of a program that proved who it is with one of its user's keys (a bearer API key
 * or a SigV4 signature): the user's principal, with the authorities a signed-in person would have.
 */
public final class ProgramAuthentication {

    private ProgramAuthentication() {}

    public static Authentication of(OfferdeskPrincipal principal) {
        return new PreAuthenticatedAuthenticationToken(principal, null, Authorities.of(principal));
    }
}
