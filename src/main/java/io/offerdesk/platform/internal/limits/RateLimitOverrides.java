package io.offerdesk.platform.internal.limits;

import io.offerdesk.platform.internal.limits.RateLimitSettings.Limit;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operator's per-party limits, in the database so that every node reads the same ones. */
@Repository
class RateLimitOverrides {

    private final JdbcClient jdbc;

    RateLimitOverrides(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Limit> find(UUID partyId) {
        return jdbc.sql("""
                        SELECT requests_per_minute, burst FROM platform.rate_limit_override WHERE party_id = :party
                        """)
                .param("party", partyId)
                .query((rs, n) -> new Limit(rs.getLong("requests_per_minute"), rs.getLong("burst")))
                .optional();
    }

    void put(UUID partyId, Limit limit, Instant now) {
        jdbc.sql("""
                        INSERT INTO platform.rate_limit_override (party_id, requests_per_minute, burst, updated_at)
                        VALUES (:party, :rate, :burst, :now)
                        ON CONFLICT (party_id) DO UPDATE
                           SET requests_per_minute = EXCLUDED.requests_per_minute, burst = EXCLUDED.burst,
                               updated_at = EXCLUDED.updated_at
                        """)
                .param("party", partyId)
                .param("rate", limit.requestsPerMinute())
                .param("burst", limit.burst())
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean remove(UUID partyId) {
        return jdbc.sql("DELETE FROM platform.rate_limit_override WHERE party_id = :party")
                        .param("party", partyId)
                        .update()
                > 0;
    }
}
