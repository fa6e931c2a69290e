package io.offerdesk.parties;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A SigV4 access-key pair as listed: the access key id, never the secret. */
// Serializable: a flash attribute across its page's redirect, kept in the database-backed session (ADR 0043).
public record AccessKey(
        String id, UUID userId, Instant createdAt, @Nullable Instant revokedAt) implements Serializable {

    /** The pair as just issued, with the one and only copy of the secret access key shown to the user. */
    public record Issued(AccessKey key, String secretAccessKey) implements Serializable {}
}
