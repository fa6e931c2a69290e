package io.offerdesk.platform.internal.security;

import io.offerdesk.platform.ReplayGuard;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The replay guard on a table with one row per signature: the primary key decides between two nodes that see the
 * same signature at once. Expired rows are pruned by whichever request comes along at most once a minute per node;
 * deleting them twice is harmless. Real time throughout: signatures are made with real time.
 */
@Component
class JdbcReplayGuard implements ReplayGuard {

    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    private static final String CLAIM = """
            INSERT INTO platform.aws_request_signature (signature, expires_at) VALUES (:signature, :expiresAt)
            ON CONFLICT (signature) DO UPDATE SET expires_at = EXCLUDED.expires_at
            WHERE platform.aws_request_signature.expires_at < :now
            """;
    private static final String RELEASE = "DELETE FROM platform.aws_request_signature WHERE signature = :signature";
    private static final String PRUNE = "DELETE FROM platform.aws_request_signature WHERE expires_at < :now";

    private final JdbcClient jdbc;
    private final Clock realTime = Clock.systemUTC();
    private final AtomicReference<Instant> lastPruned = new AtomicReference<>(Instant.EPOCH);

    JdbcReplayGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String signature, Instant expiresAt) {
        var now = realTime.instant();
        var last = lastPruned.get();
        if (last.plus(PRUNE_EVERY).isBefore(now) && lastPruned.compareAndSet(last, now)) {
            jdbc.sql(PRUNE).param("now", Timestamp.from(now)).update();
        }
        // a row left from an expired signature does not count: the request would have been refused as expired
        return jdbc.sql(CLAIM)
                        .param("signature", signature)
                        .param("expiresAt", Timestamp.from(expiresAt))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    @Override
    public void release(String signature) {
        jdbc.sql(RELEASE).param("signature", signature).update();
    }
}
