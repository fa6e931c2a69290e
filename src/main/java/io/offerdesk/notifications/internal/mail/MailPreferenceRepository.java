package io.offerdesk.notifications.internal.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' e-mail preferences. A user reads and writes only their own row, named by their party and id. */
@Repository
class MailPreferenceRepository {

    private final JdbcClient jdbc;

    MailPreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MailPreference> find(UUID party, UUID user) {
        return jdbc.sql("""
                        SELECT user_id, email_enabled, language FROM notifications.mail_preference
                        WHERE party_id = :party AND user_id = :user
                        """)
                .param("party", party)
                .param("user", user)
                .query((rs, row) -> new MailPreference(
                        rs.getObject("user_id", UUID.class), rs.getBoolean("email_enabled"), rs.getString("language")))
                .optional();
    }

    void save(UUID party, MailPreference preference, Instant at) {
        jdbc.sql("""
                        INSERT INTO notifications.mail_preference (user_id, party_id, email_enabled, language, updated_at)
                        VALUES (:user, :party, :enabled, :language, :at)
                        ON CONFLICT (user_id) DO UPDATE
                        SET email_enabled = excluded.email_enabled, language = excluded.language,
                            updated_at = excluded.updated_at
                        WHERE notifications.mail_preference.party_id = excluded.party_id
                        """)
                .param("user", preference.userId())
                .param("party", party)
                .param("enabled", preference.emailEnabled())
                .param("language", preference.language())
                .param("at", Timestamp.from(at))
                .update();
    }
}
