package io.offerdesk.agreements.internal;

import static io.offerdesk.agreements.internal.AgreementRepository.instant;
import static io.offerdesk.agreements.internal.AgreementRepository.timestamp;

import io.offerdesk.agreements.AgreementId;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.shared.AccountId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the clock does to agreements (start announcements, renewal notices, ends) and the renewal choices of both sides.
 * The claims work across tenants by design; the writes name the agreement their caller already checked.
 */
@Repository
public class LifecycleRepository {

    /**
     * What the clock did to one agreement so far.
     *
     * @param startAnnouncedAt when its {@code AgreementStarted} went out; only future-dated agreements announce it
     * @param renewalNoticeSentAt when its {@code AgreementRenewalUpcoming} went out, if it did
     * @param chosenPriceIncrease the increase the seller chose within the renewal term's range, if they did
     */
    public record LifecycleState(
            @Nullable Instant startAnnouncedAt,
            @Nullable Instant renewalNoticeSentAt,
            @Nullable BigDecimal chosenPriceIncrease) {}

    /** An agreement whose end has passed, with the subscription its end is decided under. */
    public record DueEnd(AgreementId agreementId, AccountId acceptorAccountId, String productId) {}

    private final JdbcClient jdbc;

    LifecycleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LifecycleState state(AgreementId id) {
        return jdbc.sql("""
                        SELECT start_announced_at, renewal_notice_at, renewal_notice_sent, renewal_price_increase
                        FROM agreements.agreement WHERE id = :id
                        """)
                .param("id", id.value())
                .query((rs, n) -> new LifecycleState(
                        instant(rs, "start_announced_at"),
                        rs.getBoolean("renewal_notice_sent") ? instant(rs, "renewal_notice_at") : null,
                        rs.getBigDecimal("renewal_price_increase")))
                .optional()
                .orElse(new LifecycleState(null, null, null));
    }

    /** The next start of a future-dated agreement not yet announced, after {@code after}. */
    Optional<Instant> nextStart(Instant after) {
        return earliest("""
                SELECT min(start_time) FROM agreements.agreement
                WHERE status = 'ACTIVE' AND start_announced_at IS NULL AND start_time > acceptance_time
                  AND start_time > :after
                """, after, Duration.ZERO);
    }

    /** Marks future-dated agreements whose start has come as announced and returns them; each to one caller. */
    List<AgreementId> claimStarts(Instant now, int limit) {
        return jdbc.sql("""
                        UPDATE agreements.agreement SET start_announced_at = :now
                        WHERE id IN (SELECT id FROM agreements.agreement
                                     WHERE status = 'ACTIVE' AND start_announced_at IS NULL
                                       AND start_time > acceptance_time AND start_time <= :now
                                     ORDER BY start_time LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id
                        """)
                .param("now", timestamp(now))
                .param("limit", limit)
                .query((rs, n) -> new AgreementId(rs.getString(1)))
                .list();
    }

    /** The next instant an active agreement is {@code notice} from its end and has not been checked for a notice. */
    Optional<Instant> nextNotice(Instant after, Duration notice) {
        return earliest("""
                SELECT min(end_time) FROM agreements.agreement
                WHERE status = 'ACTIVE' AND renewal_notice_at IS NULL AND end_time > :after
                """, after.plus(notice), notice.negated());
    }

    /**
     * Marks the active agreements that are within {@code notice} of their end as checked for a renewal notice and
     * returns them; each to one caller, once. Whether one renews is the caller's decision.
     */
    List<AgreementId> claimNotices(Instant now, Duration notice, int limit) {
        return jdbc.sql("""
                        UPDATE agreements.agreement SET renewal_notice_at = :now
                        WHERE id IN (SELECT id FROM agreements.agreement
                                     WHERE status = 'ACTIVE' AND renewal_notice_at IS NULL AND end_time <= :horizon
                                     ORDER BY end_time LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id
                        """)
                .param("now", timestamp(now))
                .param("horizon", timestamp(now.plus(notice)))
                .param("limit", limit)
                .query((rs, n) -> new AgreementId(rs.getString(1)))
                .list();
    }

    void noticeSent(AgreementId id) {
        jdbc.sql("UPDATE agreements.agreement SET renewal_notice_sent = true WHERE id = :id")
                .param("id", id.value())
                .update();
    }

    /**
     * The first instant after {@code after} at which an active agreement has ended: the millisecond after its end time,
     * when a renewal starts.
     */
    Optional<Instant> nextEnd(Instant after, Duration gap) {
        return earliest("""
                SELECT min(end_time) FROM agreements.agreement WHERE status = 'ACTIVE' AND end_time > :after
                """, after.minus(gap), gap);
    }

    /** Active agreements whose end has passed, oldest first; not locked: each is claimed in its own transaction. */
    List<DueEnd> dueEnds(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id, acceptor_account_id, product_id FROM agreements.agreement
                        WHERE status = 'ACTIVE' AND end_time < :now
                        ORDER BY end_time, id LIMIT :limit
                        """)
                .param("now", timestamp(now))
                .param("limit", limit)
                .query((rs, n) ->
                        new DueEnd(new AgreementId(rs.getString(1)), new AccountId(rs.getString(2)), rs.getString(3)))
                .list();
    }

    /** Claims an agreement whose end has passed and that is still active; empty when another node has it or did it. */
    boolean claimEnd(AgreementId id, Instant now) {
        return jdbc.sql("""
                        SELECT id FROM agreements.agreement
                        WHERE id = :id AND status = 'ACTIVE' AND end_time < :now FOR UPDATE SKIP LOCKED
                        """)
                .param("id", id.value())
                .param("now", timestamp(now))
                .query(String.class)
                .optional()
                .isPresent();
    }

    /**
     * Records that one side switched the active agreement's renewal off, unless a side already did: the opt-out is
     * final.
     *
     * @return false when the agreement was not active or already opted out
     */
    public boolean optOut(AgreementId id, PartyType side, Instant at) {
        return jdbc.sql("""
                        UPDATE agreements.agreement
                        SET renewal_opt_out = :side, last_update_time = :at, version = version + 1
                        WHERE id = :id AND status = 'ACTIVE' AND renewal_opt_out IS NULL
                        """)
                        .param("id", id.value())
                        .param("side", side.name())
                        .param("at", timestamp(at))
                        .update()
                == 1;
    }

    public void choosePriceIncrease(AgreementId id, BigDecimal percent, Instant at) {
        jdbc.sql("""
                        UPDATE agreements.agreement
                        SET renewal_price_increase = :percent, last_update_time = :at, version = version + 1
                        WHERE id = :id AND status = 'ACTIVE'
                        """)
                .param("id", id.value())
                .param("percent", percent)
                .param("at", timestamp(at))
                .update();
    }

    /** The minimum the query finds, shifted by {@code shift}; the query takes the instant {@code :after}. */
    private Optional<Instant> earliest(String sql, Instant after, Duration shift) {
        return jdbc.sql(sql)
                .param("after", timestamp(after))
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single()
                .map(at -> at.plus(shift));
    }
}
