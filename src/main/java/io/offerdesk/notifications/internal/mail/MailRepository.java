package io.offerdesk.notifications.internal.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The e-mail outbox. */
@Repository
class MailRepository {

    /** An e-mail to send. */
    record QueuedMail(
            UUID id,
            String toAddress,
            String language,
            String messageKey,
            List<String> messageArguments,
            @Nullable String link,
            int attempts) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MailRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Queues an e-mail once per source key; false when it was queued before. */
    boolean insert(
            String sourceKey,
            UUID user,
            String toAddress,
            String language,
            String messageKey,
            List<String> messageArguments,
            @Nullable String link,
            Instant createdAt) {
        return jdbc.sql("""
                        INSERT INTO notifications.mail (id, source_key, recipient_user, to_address, language,
                            message_key, message_args, link, created_at)
                        VALUES (:id, :source, :user, :to, :language, :key, CAST(:args AS jsonb), :link, :createdAt)
                        ON CONFLICT (source_key) DO NOTHING
                        """)
                        .param("id", UUID.randomUUID())
                        .param("source", sourceKey)
                        .param("user", user)
                        .param("to", toAddress)
                        .param("language", language)
                        .param("key", messageKey)
                        .param("args", json.writeValueAsString(messageArguments))
                        .param("link", link)
                        .param("createdAt", Timestamp.from(createdAt))
                        .update()
                == 1;
    }

    /** Locks up to {@code limit} e-mails to send for the calling transaction; other nodes skip them. */
    List<QueuedMail> claimPending(int limit) {
        return jdbc.sql("""
                        SELECT id, to_address, language, message_key, message_args, link, attempts
                        FROM notifications.mail
                        WHERE sent_at IS NULL AND NOT failed
                        ORDER BY created_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED
                        """).param("limit", limit).query(this::read).list();
    }

    void sent(UUID id, Instant at) {
        jdbc.sql("UPDATE notifications.mail SET sent_at = :at, attempts = attempts + 1 WHERE id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void attemptFailed(UUID id, String error, boolean giveUp) {
        jdbc.sql("""
                        UPDATE notifications.mail SET attempts = attempts + 1, last_error = :error, failed = :giveUp
                        WHERE id = :id
                        """)
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("giveUp", giveUp)
                .param("id", id)
                .update();
    }

    private QueuedMail read(ResultSet rs, int row) throws SQLException {
        return new QueuedMail(
                rs.getObject("id", UUID.class),
                rs.getString("to_address"),
                rs.getString("language"),
                rs.getString("message_key"),
                json.readValue(rs.getString("message_args"), new TypeReference<List<String>>() {}),
                rs.getString("link"),
                rs.getInt("attempts"));
    }
}
