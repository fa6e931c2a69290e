package io.offerdesk.notifications.internal;

import io.offerdesk.notifications.Inbox.Delivery;
import io.offerdesk.notifications.Notification;
import io.offerdesk.shared.Role;
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

/** The inbox. Every read names the party, the user and the user's roles; nothing else is visible. */
@Repository
public class InboxRepository {

    /** The notifications one user of the party may read. */
    private static final String VISIBLE = """
             recipient_party = :party
              AND (recipient_user = :user
                   OR (recipient_user IS NULL AND (recipient_role IS NULL OR recipient_role IN (:roles))))
            """;

    private static final String COLUMNS = """
            SELECT id, recipient_party, recipient_user, recipient_role, message_key, message_args, link, created_at,
                read_at
            FROM notifications.inbox
            WHERE
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    InboxRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public boolean insert(Delivery delivery) {
        return jdbc.sql("""
                        INSERT INTO notifications.inbox (id, recipient_party, recipient_user, recipient_role,
                            message_key, message_args, link, source_key, created_at)
                        VALUES (:id, :party, :user, :role, :key, CAST(:args AS jsonb), :link, :source, :createdAt)
                        ON CONFLICT (source_key) DO NOTHING
                        """)
                        .param("id", UUID.randomUUID())
                        .param("party", delivery.recipientParty())
                        .param("user", delivery.recipientUser())
                        .param(
                                "role",
                                delivery.recipientRole() == null
                                        ? null
                                        : delivery.recipientRole().name())
                        .param("key", delivery.messageKey())
                        .param("args", json.writeValueAsString(delivery.messageArguments()))
                        .param("link", delivery.link())
                        .param("source", delivery.sourceKey())
                        .param("createdAt", Timestamp.from(delivery.createdAt()))
                        .update()
                == 1;
    }

    public List<Notification> visible(
            UUID party, UUID user, List<String> roles, boolean unreadOnly, int offset, int limit) {
        return jdbc.sql(COLUMNS + VISIBLE + """
                          AND (NOT :unreadOnly OR read_at IS NULL)
                        ORDER BY created_at DESC, id
                        LIMIT :limit OFFSET :offset
                        """)
                .param("party", party)
                .param("user", user)
                .param("roles", roles(roles))
                .param("unreadOnly", unreadOnly)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::read)
                .list();
    }

    public int unread(UUID party, UUID user, List<String> roles) {
        return jdbc.sql("SELECT count(*) FROM notifications.inbox WHERE" + VISIBLE + " AND read_at IS NULL")
                .param("party", party)
                .param("user", user)
                .param("roles", roles(roles))
                .query(Integer.class)
                .single();
    }

    public Optional<Notification> find(UUID party, UUID user, List<String> roles, UUID id) {
        return jdbc.sql(COLUMNS + VISIBLE + " AND id = :id")
                .param("party", party)
                .param("user", user)
                .param("roles", roles(roles))
                .param("id", id)
                .query(this::read)
                .optional();
    }

    public void markRead(UUID party, UUID user, List<String> roles, UUID id, Instant at) {
        jdbc.sql("UPDATE notifications.inbox SET read_at = :at WHERE" + VISIBLE + " AND id = :id AND read_at IS NULL")
                .param("party", party)
                .param("user", user)
                .param("roles", roles(roles))
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** {@code IN ()} is no SQL: a user without roles matches a name no role has. */
    private static List<String> roles(List<String> roles) {
        return roles.isEmpty() ? List.of("") : roles;
    }

    private Notification read(ResultSet rs, int row) throws SQLException {
        var role = rs.getString("recipient_role");
        var readAt = rs.getTimestamp("read_at");
        return new Notification(
                rs.getObject("id", UUID.class),
                rs.getObject("recipient_party", UUID.class),
                rs.getObject("recipient_user", UUID.class),
                role == null ? null : Role.valueOf(role),
                rs.getString("message_key"),
                json.readValue(rs.getString("message_args"), new TypeReference<List<String>>() {}),
                rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(),
                readAt == null ? null : readAt.toInstant());
    }
}
