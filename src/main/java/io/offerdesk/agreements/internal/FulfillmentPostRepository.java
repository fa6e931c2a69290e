package io.offerdesk.agreements.internal;

import static io.offerdesk.agreements.internal.AgreementRepository.instant;
import static io.offerdesk.agreements.internal.AgreementRepository.timestamp;

import io.offerdesk.agreements.AgreementId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of registration posts to SaaS sellers' fulfillment URLs, one per provisioned agreement. The clock's job
 * claims due posts across tenants by design, with {@code SKIP LOCKED}.
 */
@Repository
public class FulfillmentPostRepository {

    /** A post as the outbox keeps it. */
    public record FulfillmentPost(
            AgreementId agreementId,
            String fulfillmentUrl,
            State state,
            int attempts,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant lastAttemptAt,
            @Nullable Integer lastStatus,
            @Nullable String lastError) {

        public enum State {
            PENDING,
            DELIVERED,
            FAILED
        }

        /** The post as claimed for its next attempt. */
        FulfillmentPost claimed() {
            return new FulfillmentPost(
                    agreementId,
                    fulfillmentUrl,
                    state,
                    attempts + 1,
                    nextAttemptAt,
                    lastAttemptAt,
                    lastStatus,
                    lastError);
        }
    }

    private final JdbcClient jdbc;

    FulfillmentPostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the agreement's post, due at {@code at}; an agreement is posted once however often it is queued. */
    public void enqueue(AgreementId agreement, String fulfillmentUrl, Instant at) {
        jdbc.sql("""
                        INSERT INTO agreements.fulfillment_post (agreement_id, fulfillment_url, state, attempts,
                            next_attempt_at, created_at)
                        VALUES (:agreement, :url, 'PENDING', 0, :at, :at) ON CONFLICT DO NOTHING
                        """)
                .param("agreement", agreement.value())
                .param("url", fulfillmentUrl)
                .param("at", timestamp(at))
                .update();
    }

    /**
     * Claims the posts due at {@code now} for one attempt: counts the attempt and moves the next one to {@code retryAt}
     * of its attempt number, which also keeps other nodes off it while this one posts.
     */
    public List<FulfillmentPost> claimDue(Instant now, int limit, java.util.function.IntFunction<Instant> retryAt) {
        var due = jdbc
                .sql("""
                        SELECT agreement_id, fulfillment_url, state, attempts, next_attempt_at, last_attempt_at,
                            last_status, last_error
                        FROM agreements.fulfillment_post
                        WHERE state = 'PENDING' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, agreement_id
                        LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .param("now", timestamp(now))
                .param("limit", limit)
                .query(FulfillmentPostRepository::post)
                .list()
                .stream()
                .map(FulfillmentPost::claimed)
                .toList();
        for (var post : due) {
            jdbc.sql("""
                            UPDATE agreements.fulfillment_post
                            SET attempts = :attempts, last_attempt_at = :now, next_attempt_at = :next
                            WHERE agreement_id = :agreement
                            """)
                    .param("attempts", post.attempts())
                    .param("now", timestamp(now))
                    .param("next", timestamp(retryAt.apply(post.attempts())))
                    .param("agreement", post.agreementId().value())
                    .update();
        }
        return due;
    }

    /**
     * Records how an attempt went: delivered, failed for good, or still pending for the retry set when it was claimed.
     */
    public void recordAttempt(
            AgreementId agreement, FulfillmentPost.State state, @Nullable Integer status, @Nullable String error) {
        jdbc.sql("""
                        UPDATE agreements.fulfillment_post
                        SET state = :state, last_status = :status, last_error = :error,
                            next_attempt_at = CASE WHEN CAST(:state AS varchar) = 'PENDING' THEN next_attempt_at END
                        WHERE agreement_id = :agreement
                        """)
                .param("state", state.name())
                .param("status", status, java.sql.Types.INTEGER)
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 500)))
                .param("agreement", agreement.value())
                .update();
    }

    public Optional<FulfillmentPost> find(AgreementId agreement) {
        return jdbc.sql("""
                        SELECT agreement_id, fulfillment_url, state, attempts, next_attempt_at, last_attempt_at,
                            last_status, last_error
                        FROM agreements.fulfillment_post WHERE agreement_id = :agreement
                        """)
                .param("agreement", agreement.value())
                .query(FulfillmentPostRepository::post)
                .optional();
    }

    public Optional<Instant> nextAttempt() {
        return jdbc.sql("SELECT min(next_attempt_at) FROM agreements.fulfillment_post WHERE state = 'PENDING'")
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)))
                .single()
                .map(java.sql.Timestamp::toInstant);
    }

    private static FulfillmentPost post(ResultSet rs, int row) throws SQLException {
        return new FulfillmentPost(
                new AgreementId(rs.getString("agreement_id")),
                rs.getString("fulfillment_url"),
                FulfillmentPost.State.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                instant(rs, "last_attempt_at"),
                rs.getObject("last_status", Integer.class),
                rs.getString("last_error"));
    }
}
