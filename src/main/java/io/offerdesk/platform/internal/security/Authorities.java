package io.offerdesk.platform.internal.security;

import io.offerdesk.platform.OfferdeskPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Spring Security authorities of a principal: {@code ROLE_<role>} per role and {@code PARTY_<kind>}. */
public final class Authorities {

    private Authorities() {}

    public static List<GrantedAuthority> of(OfferdeskPrincipal principal) {
        var authorities = new ArrayList<GrantedAuthority>();
        principal.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        authorities.add(
                new SimpleGrantedAuthority("PARTY_" + principal.partyKind().name()));
        return authorities;
    }
}
