package io.offerdesk.notifications.internal.reminders;

import io.offerdesk.notifications.internal.domain.ReminderPlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Planned reminders. Planning the same reminder twice keeps the first; each is claimed once. */
@Repository
class ReminderRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReminderRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void plan(
            ReminderPlan kind,
            String subjectId,
            ReminderPlan.Due due,
            Instant subjectEnd,
            UUID sellerParty,
            String productId,
            List<String> buyerAccounts) {
        jdbc.sql("""
                        INSERT INTO notifications.reminder (id, kind, subject_id, days_before, due_at, subject_end,
                            seller_party, product_id, buyer_accounts)
                        VALUES (:id, :kind, :subject, :days, :dueAt, :end, :seller, :product, CAST(:accounts AS jsonb))
                        ON CONFLICT (kind, subject_id, days_before) DO NOTHING
                        """)
                .param("id", UUID.randomUUID())
                .param("kind", kind.name())
                .param("subject", subjectId)
                .param("days", due.daysBefore())
                .param("dueAt", Timestamp.from(due.dueAt()))
                .param("end", Timestamp.from(subjectEnd))
                .param("seller", sellerParty)
                .param("product", productId)
                .param("accounts", json.writeValueAsString(buyerAccounts))
                .update();
    }

    /** Cancels the subject's reminders not yet sent: it ended before they fell due. */
    void cancel(ReminderPlan kind, String subjectId) {
        jdbc.sql("""
                        UPDATE notifications.reminder SET cancelled = true
                        WHERE kind = :kind AND subject_id = :subject AND sent_at IS NULL
                        """).param("kind", kind.name()).param("subject", subjectId).update();
    }

    /**
     * Cancels the subject's reminder of the kind and lead time, and keeps it cancelled if it is planned only later: a
     * cancelled row of the same key, which planning leaves as it is.
     */
    void cancelAhead(ReminderPlan kind, String subjectId, int days, Instant at, UUID sellerParty, String productId) {
        jdbc.sql("""
                        INSERT INTO notifications.reminder (id, kind, subject_id, days_before, due_at, subject_end,
                            seller_party, product_id, buyer_accounts, cancelled)
                        VALUES (:id, :kind, :subject, :days, :at, :at, :seller, :product, '[]'::jsonb, true)
                        ON CONFLICT (kind, subject_id, days_before) DO UPDATE SET cancelled = true
                        WHERE reminder.sent_at IS NULL
                        """)
                .param("id", UUID.randomUUID())
                .param("kind", kind.name())
                .param("subject", subjectId)
                .param("days", days)
                .param("at", Timestamp.from(at))
                .param("seller", sellerParty)
                .param("product", productId)
                .update();
    }

    Optional<Instant> nextDueAfter(Instant after) {
        return jdbc.sql("""
                        SELECT min(due_at) FROM notifications.reminder
                        WHERE sent_at IS NULL AND NOT cancelled AND due_at > :after
                        """)
                .param("after", Timestamp.from(after))
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** Marks reminders due at {@code now} as sent and returns them; each is returned to one caller. */
    List<Reminder> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                        UPDATE notifications.reminder SET sent_at = :now
                        WHERE id IN (SELECT id FROM notifications.reminder
                                     WHERE sent_at IS NULL AND NOT cancelled AND due_at <= :now
                                     ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, kind, subject_id, days_before, subject_end, seller_party, product_id,
                            buyer_accounts
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(this::read)
                .list();
    }

    private Reminder read(ResultSet rs, int row) throws SQLException {
        return new Reminder(
                rs.getObject("id", UUID.class),
                ReminderPlan.valueOf(rs.getString("kind")),
                rs.getString("subject_id"),
                rs.getInt("days_before"),
                rs.getTimestamp("subject_end").toInstant(),
                rs.getObject("seller_party", UUID.class),
                rs.getString("product_id"),
                json.readValue(rs.getString("buyer_accounts"), new TypeReference<List<String>>() {}));
    }
}
