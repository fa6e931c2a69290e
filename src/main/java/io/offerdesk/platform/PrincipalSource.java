package io.offerdesk.platform;

import java.util.Optional;

/**
 * Where platform security finds users. The parties module, which owns users and their keys, implements it; the
 * platform never reads party tables itself.
 */
public interface PrincipalSource {

    /** A user who may sign in with a password, with the stored password hash. */
    record Login(OfferdeskPrincipal principal, String passwordHash, boolean enabled) {}

    Optional<Login> findLogin(String email);

    /** The owner of a bearer API key, if the key is known, active and matches its secret. */
    Optional<OfferdeskPrincipal> authenticateApiKey(String token);
}
