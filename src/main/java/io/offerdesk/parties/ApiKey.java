package io.offerdesk.parties;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A bearer API key as listed: its id and name, never its secret. */
public record ApiKey(
        String id,
        UUID userId,
        String name,
        Instant createdAt,
        @Nullable Instant revokedAt) {

    /** The key as just issued, with the one and only copy of its token. */
    public record Issued(ApiKey key, String token) {}
}
