package io.offerdesk.shared;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who caused a change: a signed-in user (through the UI or one of their keys) or the system itself (jobs, demo
 * seeding). Every audited event carries one.
 *
 * @param kind how the actor acted
 * @param userId the user, absent for the system
 * @param partyId the party the user acted for, absent for the system
 * @param name a display name kept in the audit trail so it stays readable after the user is gone
 */
public record Actor(
        Kind kind, @Nullable UUID userId, @Nullable UUID partyId, String name) {

    public enum Kind {
        USER,
        API_KEY,
        SYSTEM
    }

    public Actor {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
        if (kind != Kind.SYSTEM && (userId == null || partyId == null)) {
            throw new IllegalArgumentException("a " + kind + " actor needs a user and a party");
        }
    }

    public static Actor system(String name) {
        return new Actor(Kind.SYSTEM, null, null, name);
    }
}
