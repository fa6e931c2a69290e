package io.offerdesk.platform.internal.idempotency;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PGInterval;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored requests and responses of the Idempotency-Key protocol. */
@Repository
class IdempotentRequests {

    /** How long a key is remembered (DESIGN §4). */
    static final Duration RETENTION = Duration.ofHours(24);

    /**
     * A remembered request; no status yet means it is still being processed, by a node that stopped renewing its
     * lease if {@code lapsed}; {@code effectCommitted} once one of its write transactions committed.
     */
    record Remembered(
            String fingerprint,
            @Nullable Integer status,
            @Nullable String contentType,
            byte @Nullable [] body,
            boolean lapsed,
            boolean effectCommitted) {}

    // Leases run on the database's clock (real time, one clock for every node), never the simulated one: a node's
    // liveness has nothing to do with where the simulation stands.
    private static final String CLAIM = """
            INSERT INTO platform.idempotent_request (user_id, key, fingerprint, created_at, claim_id, lease_until)
            VALUES (:userId, :key, :fingerprint, :now, :claim, clock_timestamp() + :lease)
            ON CONFLICT (user_id, key) DO NOTHING
            """;
    // Of any number of concurrent retries one updates the row; the others then see its new lease and update nothing.
    // A claim whose effect committed is never taken over: the request would run twice. Its mark and a takeover lock
    // the same row, so whichever comes second sees the other (EffectMarks).
    private static final String TAKE_OVER = """
            UPDATE platform.idempotent_request SET claim_id = :claim, lease_until = clock_timestamp() + :lease
            WHERE user_id = :userId AND key = :key AND fingerprint = :fingerprint AND created_at > :since
              AND status IS NULL AND lease_until < clock_timestamp() AND effect_committed_at IS NULL
            """;
    // A claim whose row a committing request holds (its effect mark) is skipped, not waited for: one slow commit
    // must not hold back the renewal of every other claim of the node, and the skipped one is renewed next time.
    private static final String RENEW = """
            UPDATE platform.idempotent_request SET lease_until = clock_timestamp() + :lease
            WHERE (user_id, key) IN (
                SELECT user_id, key FROM platform.idempotent_request
                WHERE claim_id IN (:claims) AND status IS NULL
                FOR UPDATE SKIP LOCKED)
            """;
    private static final String FIND = """
            SELECT fingerprint, status, content_type, body, lease_until < clock_timestamp() AS lapsed,
                   effect_committed_at IS NOT NULL AS effect_committed
            FROM platform.idempotent_request
            WHERE user_id = :userId AND key = :key AND created_at > :since
            """;
    private static final String COMPLETE = """
            UPDATE platform.idempotent_request
            SET status = :status, content_type = :contentType, body = :body, lease_until = NULL
            WHERE user_id = :userId AND key = :key AND claim_id = :claim
            """;
    private static final String RELEASE =
            "DELETE FROM platform.idempotent_request WHERE user_id = :userId AND key = :key";
    // A claim whose effect committed is kept when its request fails afterwards, with its lease lapsed, so that the
    // retry gets the effectCommitted answer at once instead of running the request a second time.
    private static final String LAPSE = """
            UPDATE platform.idempotent_request SET lease_until = clock_timestamp()
            WHERE user_id = :userId AND key = :key AND claim_id = :claim AND effect_committed_at IS NOT NULL
            """;
    private static final String EXPIRE = "DELETE FROM platform.idempotent_request WHERE created_at <= :before";
    private static final String OLDEST = "SELECT min(created_at) FROM platform.idempotent_request";

    private final JdbcClient jdbc;

    IdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request, leased for {@code lease}; false if someone holds it already (or held it within
     * the retention).
     */
    boolean claim(UUID userId, String key, String fingerprint, Instant now, UUID claim, Duration lease) {
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
                        .param("claim", claim)
                        .param("lease", interval(lease))
                        .update()
                == 1;
    }

    /**
     * Takes over a claim on the same request whose lease lapsed (its node died before answering) and whose effect did
     * not commit; false if there is none, or another retry took it first.
     */
    boolean takeOver(UUID userId, String key, String fingerprint, Instant now, UUID claim, Duration lease) {
        return jdbc.sql(TAKE_OVER)
                        .param("userId", userId)
                        .param("key", key)
                        .param("fingerprint", fingerprint)
                        .param("since", Timestamp.from(now.minus(RETENTION)))
                        .param("claim", claim)
                        .param("lease", interval(lease))
                        .update()
                == 1;
    }

    /** Extends the leases of these claims, still running on this node, by {@code lease} from now. */
    void renew(Collection<UUID> claims, Duration lease) {
        jdbc.sql(RENEW).param("claims", claims).param("lease", interval(lease)).update();
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
                        rs.getBytes("body"),
                        rs.getBoolean("lapsed"),
                        rs.getBoolean("effect_committed")))
                .optional();
    }

    /** Remembers the answer; false if the claim was taken over meanwhile (its lease lapsed), which then answers. */
    boolean complete(UUID userId, String key, UUID claim, int status, @Nullable String contentType, byte[] body) {
        return jdbc.sql(COMPLETE)
                        .param("userId", userId)
                        .param("key", key)
                        .param("claim", claim)
                        .param("status", status)
                        .param("contentType", contentType)
                        .param("body", body)
                        .update()
                == 1;
    }

    /**
     * Forgets this claim (a server fault is not remembered), unless it was taken over meanwhile or its effect
     * committed before the fault: then it stays, lapsed, and a retry is told so rather than run again.
     */
    void release(UUID userId, String key, UUID claim) {
        jdbc.sql(RELEASE + " AND claim_id = :claim AND effect_committed_at IS NULL")
                .param("userId", userId)
                .param("key", key)
                .param("claim", claim)
                .update();
        jdbc.sql(LAPSE)
                .param("userId", userId)
                .param("key", key)
                .param("claim", claim)
                .update();
    }

    void expireBefore(Instant before) {
        jdbc.sql(EXPIRE).param("before", Timestamp.from(before)).update();
    }

    Optional<Instant> oldest() {
        return jdbc.sql(OLDEST).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    private static PGInterval interval(Duration duration) {
        return new PGInterval(0, 0, 0, 0, 0, duration.toMillis() / 1000.0);
    }
}
