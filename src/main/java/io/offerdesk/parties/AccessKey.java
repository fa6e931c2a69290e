package io.offerdesk.parties;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A SigV4 access-key pair as listed: the access key id, never the secret. */
public record AccessKey(
        String id, UUID userId, Instant createdAt, @Nullable Instant revokedAt) {

    /** The pair as just issued, with the one and only copy of the secret access key shown to the user. */
    public record Issued(AccessKey key, String secretAccessKey) {}
}
