package io.offerdesk.parties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person acting for one party. */
public record User(
        UUID id,
        UUID partyId,
        String email,
        String displayName,
        Status status,
        List<RoleGrant> roles,
        Instant createdAt) {

    public enum Status {
        INVITED,
        ACTIVE,
        DISABLED
    }

    public User {
        roles = List.copyOf(roles);
    }
}
