package io.offerdesk.platform.internal.idempotency;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored requests and responses of the Idempotency-Key protocol. */
@Repository
class IdempotentRequests {

    /** How long a key is remembered (DESIGN §4). */
    static final Duration RETENTION = Duration.ofHours(24);

    /** A remembered request; no status yet means it is still being processed. */
    record Remembered(
            String fingerprint,
            @Nullable Integer status,
            @Nullable String contentType,
            byte @Nullable [] body) {}

    private static final String CLAIM = """
            INSERT INTO platform.idempotent_request (user_id, key, fingerprint, created_at)
            VALUES (:userId, :key, :fingerprint, :now)
            ON CONFLICT (user_id, key) DO NOTHING
            """;
    private static final String FIND = """
            SELECT fingerprint, status, content_type, body FROM platform.idempotent_request
            WHERE user_id = :userId AND key = :key AND created_at > :since
            """;
    private static final String COMPLETE = """
            UPDATE platform.idempotent_request SET status = :status, content_type = :contentType, body = :body
            WHERE user_id = :userId AND key = :key
            """;
    private static final String RELEASE =
            "DELETE FROM platform.idempotent_request WHERE user_id = :userId AND key = :key";
    private static final String EXPIRE = "DELETE FROM platform.idempotent_request WHERE created_at <= :before";
    private static final String OLDEST = "SELECT min(created_at) FROM platform.idempotent_request";

    private final JdbcClient jdbc;

    IdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for this request; false if someone holds it already (or held it within the retention). */
    boolean claim(UUID userId, String key, String fingerprint, Instant now) {
        // A key that expired but was not purged yet is freed first, so it can be used again.
        jdbc.sql(RELEASE + " AND created_at <= :before")
                .param("userId", userId)
                .param("key", key)
                .param("before", Timestamp.from(now.minus(RETENTION)))
                .update();
        return jdbc.sql(CLAIM)
                        .param("userId", userId)
                        .param("key", key)
                        .param("fingerprint", fingerprint)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<Remembered> find(UUID userId, String key, Instant now) {
        return jdbc.sql(FIND)
                .param("userId", userId)
                .param("key", key)
                .param("since", Timestamp.from(now.minus(RETENTION)))
                .query((rs, row) -> new Remembered(
                        rs.getString("fingerprint"),
                        (Integer) rs.getObject("status", Integer.class),
                        rs.getString("content_type"),
                        rs.getBytes("body")))
                .optional();
    }

    void complete(UUID userId, String key, int status, @Nullable String contentType, byte[] body) {
        jdbc.sql(COMPLETE)
                .param("userId", userId)
                .param("key", key)
                .param("status", status)
                .param("contentType", contentType)
                .param("body", body)
                .update();
    }

    void release(UUID userId, String key) {
        jdbc.sql(RELEASE).param("userId", userId).param("key", key).update();
    }

    void expireBefore(Instant before) {
        jdbc.sql(EXPIRE).param("before", Timestamp.from(before)).update();
    }

    Optional<Instant> oldest() {
        return jdbc.sql(OLDEST).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}
