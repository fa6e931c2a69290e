package io.offerdesk.parties.internal;

import io.offerdesk.parties.AccessKey;
import io.offerdesk.parties.ApiKey;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bearer API keys (secret hashed) and SigV4 access keys (secret encrypted). */
@Repository
class KeyRepository {

    /** A key's holder, read with the key in one query on the hot path of every authenticated call. */
    record Holder(
            UUID userId,
            String email,
            String displayName,
            UUID partyId,
            String partyName,
            PartyKind partyKind,
            Set<Role> roles) {

        OfferdeskPrincipal principal() {
            // a program acting with one of the user's keys, whichever kind of key it is
            return new OfferdeskPrincipal(
                    userId, email, displayName, partyId, partyName, partyKind, roles, Actor.Kind.API_KEY);
        }
    }

    /** A live API key: its stored hash and its holder. */
    record LiveApiKey(String secretHash, Holder holder) {}

    /** A live access key: its sealed secret and its holder. */
    record LiveAccessKey(byte[] ciphertext, Holder holder) {}

    private static final String INSERT_API_KEY = """
            INSERT INTO parties.api_key (id, user_id, party_id, name, secret_hash, created_at)
            VALUES (:id, :userId, :partyId, :name, :secretHash, :createdAt)
            """;
    private static final String API_KEYS =
            "SELECT id, user_id, name, created_at, revoked_at FROM parties.api_key WHERE user_id = :userId ORDER BY created_at";
    private static final String LIVE_API_KEY = """
            SELECT k.secret_hash, u.id AS user_id, u.email, u.display_name, p.id AS party_id, p.name AS party_name,
                   p.kind AS party_kind, array_remove(array_agg(g.role), NULL) AS roles
            FROM parties.api_key k
            JOIN parties.app_user u ON u.id = k.user_id AND u.status = 'ACTIVE'
            JOIN parties.party p ON p.id = u.party_id
            LEFT JOIN parties.role_grant g ON g.user_id = u.id
            WHERE k.id = :id AND k.revoked_at IS NULL
            GROUP BY k.secret_hash, u.id, p.id
            """;
    private static final String REVOKE_API_KEY =
            "UPDATE parties.api_key SET revoked_at = :now WHERE id = :id AND user_id = :userId AND revoked_at IS NULL";
    private static final String INSERT_ACCESS_KEY = """
            INSERT INTO parties.access_key (id, user_id, party_id, secret_ciphertext, created_at)
            VALUES (:id, :userId, :partyId, :ciphertext, :createdAt)
            """;
    private static final String ACCESS_KEYS =
            "SELECT id, user_id, created_at, revoked_at FROM parties.access_key WHERE user_id = :userId ORDER BY created_at";
    private static final String LIVE_ACCESS_KEY = """
            SELECT k.secret_ciphertext, u.id AS user_id, u.email, u.display_name, p.id AS party_id,
                   p.name AS party_name, p.kind AS party_kind, array_remove(array_agg(g.role), NULL) AS roles
            FROM parties.access_key k
            JOIN parties.app_user u ON u.id = k.user_id AND u.status = 'ACTIVE'
            JOIN parties.party p ON p.id = u.party_id
            LEFT JOIN parties.role_grant g ON g.user_id = u.id
            WHERE k.id = :id AND k.revoked_at IS NULL
            GROUP BY k.secret_ciphertext, u.id, p.id
            """;
    private static final String INSERT_ACCESS_KEY_UNLESS_PRESENT = """
            INSERT INTO parties.access_key (id, user_id, party_id, secret_ciphertext, created_at)
            VALUES (:id, :userId, :partyId, :ciphertext, :createdAt)
            ON CONFLICT (id) DO NOTHING
            """;
    private static final String REVOKE_ACCESS_KEY =
            "UPDATE parties.access_key SET revoked_at = :now WHERE id = :id AND user_id = :userId AND revoked_at IS NULL";

    private final JdbcClient jdbc;

    KeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKey key, UUID partyId, String secretHash) {
        jdbc.sql(INSERT_API_KEY)
                .param("id", key.id())
                .param("userId", key.userId())
                .param("partyId", partyId)
                .param("name", key.name())
                .param("secretHash", secretHash)
                .param("createdAt", Timestamp.from(key.createdAt()))
                .update();
    }

    List<ApiKey> apiKeys(UUID userId) {
        return jdbc.sql(API_KEYS)
                .param("userId", userId)
                .query((rs, row) -> new ApiKey(
                        rs.getString("id"),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    Optional<LiveApiKey> liveApiKey(String id) {
        return jdbc.sql(LIVE_API_KEY)
                .param("id", id)
                .query((rs, row) -> new LiveApiKey(rs.getString("secret_hash"), holder(rs)))
                .optional();
    }

    boolean revokeApiKey(String id, UUID userId, Instant now) {
        return jdbc.sql(REVOKE_API_KEY)
                        .param("id", id)
                        .param("userId", userId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    void insert(AccessKey key, UUID partyId, byte[] ciphertext) {
        jdbc.sql(INSERT_ACCESS_KEY)
                .param("id", key.id())
                .param("userId", key.userId())
                .param("partyId", partyId)
                .param("ciphertext", ciphertext)
                .param("createdAt", Timestamp.from(key.createdAt()))
                .update();
    }

    List<AccessKey> accessKeys(UUID userId) {
        return jdbc.sql(ACCESS_KEYS)
                .param("userId", userId)
                .query((rs, row) -> new AccessKey(
                        rs.getString("id"),
                        rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    Optional<LiveAccessKey> liveAccessKey(String id) {
        return jdbc.sql(LIVE_ACCESS_KEY)
                .param("id", id)
                .query((rs, row) -> new LiveAccessKey(rs.getBytes("secret_ciphertext"), holder(rs)))
                .optional();
    }

    /** Inserts the key unless a key with its id exists; says whether it did. */
    boolean insertUnlessPresent(AccessKey key, UUID partyId, byte[] ciphertext) {
        return jdbc.sql(INSERT_ACCESS_KEY_UNLESS_PRESENT)
                        .param("id", key.id())
                        .param("userId", key.userId())
                        .param("partyId", partyId)
                        .param("ciphertext", ciphertext)
                        .param("createdAt", Timestamp.from(key.createdAt()))
                        .update()
                == 1;
    }

    private static Holder holder(ResultSet rs) throws SQLException {
        return new Holder(
                rs.getObject("user_id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getObject("party_id", UUID.class),
                rs.getString("party_name"),
                PartyKind.valueOf(rs.getString("party_kind")),
                Arrays.stream((String[]) rs.getArray("roles").getArray())
                        .map(Role::valueOf)
                        .collect(Collectors.toUnmodifiableSet()));
    }

    boolean revokeAccessKey(String id, UUID userId, Instant now) {
        return jdbc.sql(REVOKE_ACCESS_KEY)
                        .param("id", id)
                        .param("userId", userId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    private static @org.jspecify.annotations.Nullable Instant instant(
            @org.jspecify.annotations.Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
