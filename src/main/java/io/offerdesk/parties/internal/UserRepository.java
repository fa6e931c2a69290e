package io.offerdesk.parties.internal;

import io.offerdesk.parties.RoleGrant;
import io.offerdesk.parties.User;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users, their role grants and their invitations. */
@Repository
public class UserRepository {

    /** A user row with what sign-in needs besides the public {@link User}. */
    public record Credentials(User user, @Nullable String passwordHash) {}

    private static final String INSERT = """
            INSERT INTO parties.app_user (id, party_id, email, display_name, password_hash, status, invitation_hash,
                                          invitation_expires_at, created_at)
            VALUES (:id, :partyId, :email, :displayName, :passwordHash, :status, :invitationHash, :invitationExpiresAt,
                    :createdAt)
            """;
    private static final String SELECT = """
            SELECT u.id, u.party_id, u.email, u.display_name, u.status, u.created_at, u.password_hash,
                   g.role, g.account_id
            FROM parties.app_user u LEFT JOIN parties.role_grant g ON g.user_id = u.id
            """;
    private static final String INSERT_GRANT =
            "INSERT INTO parties.role_grant (user_id, role, account_id) VALUES (:userId, :role, :accountId)";
    private static final String DELETE_GRANTS = "DELETE FROM parties.role_grant WHERE user_id = :userId";
    private static final String SET_STATUS = "UPDATE parties.app_user SET status = :status WHERE id = :id";
    private static final String BY_INVITATION = """
            SELECT id FROM parties.app_user
            WHERE invitation_hash = :hash AND status = 'INVITED' AND invitation_expires_at > :now
            """;
    private static final String ACTIVATE = """
            UPDATE parties.app_user
            SET status = 'ACTIVE', password_hash = :passwordHash, invitation_hash = NULL, invitation_expires_at = NULL
            WHERE id = :id AND status = 'INVITED'
            """;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            User user,
            @Nullable String passwordHash,
            @Nullable String invitationHash,
            @Nullable Instant invitationExpiresAt) {
        jdbc.sql(INSERT)
                .param("id", user.id())
                .param("partyId", user.partyId())
                .param("email", user.email())
                .param("displayName", user.displayName())
                .param("passwordHash", passwordHash)
                .param("status", user.status().name())
                .param("invitationHash", invitationHash)
                .param("invitationExpiresAt", invitationExpiresAt == null ? null : Timestamp.from(invitationExpiresAt))
                .param("createdAt", Timestamp.from(user.createdAt()))
                .update();
        insertGrants(user.id(), user.roles());
    }

    public void replaceGrants(UUID userId, List<RoleGrant> grants) {
        jdbc.sql(DELETE_GRANTS).param("userId", userId).update();
        insertGrants(userId, grants);
    }

    private void insertGrants(UUID userId, List<RoleGrant> grants) {
        for (var grant : grants) {
            jdbc.sql(INSERT_GRANT)
                    .param("userId", userId)
                    .param("role", grant.role().name())
                    .param(
                            "accountId",
                            grant.account() == null ? null : grant.account().value())
                    .update();
        }
    }

    public void setStatus(UUID id, User.Status status) {
        jdbc.sql(SET_STATUS).param("id", id).param("status", status.name()).update();
    }

    public Optional<UUID> invitedBy(String invitationHash, Instant now) {
        return jdbc.sql(BY_INVITATION)
                .param("hash", invitationHash)
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .optional();
    }

    public boolean activate(UUID id, String passwordHash) {
        return jdbc.sql(ACTIVATE)
                        .param("id", id)
                        .param("passwordHash", passwordHash)
                        .update()
                == 1;
    }

    public Optional<User> find(UUID id) {
        return one(SELECT + "WHERE u.id = :id", "id", id).map(Credentials::user);
    }

    public Optional<Credentials> findByEmail(String email) {
        return one(SELECT + "WHERE lower(u.email) = lower(:email)", "email", email);
    }

    public List<User> ofParty(UUID partyId) {
        return many(SELECT + "WHERE u.party_id = :partyId ORDER BY u.email, g.role", "partyId", partyId).stream()
                .map(Credentials::user)
                .toList();
    }

    private Optional<Credentials> one(String sql, String name, Object value) {
        return many(sql, name, value).stream().findFirst();
    }

    /** Folds the one-row-per-grant join back into users, keeping the query's order. */
    private List<Credentials> many(String sql, String name, Object value) {
        var users = new LinkedHashMap<UUID, Row>();
        jdbc.sql(sql).param(name, value).query((ResultSet rs) -> {
            var id = rs.getObject("id", UUID.class);
            users.computeIfAbsent(id, key -> Row.of(rs)).addGrant(rs);
        });
        return users.values().stream().map(Row::toCredentials).toList();
    }

    private record Row(
            UUID id,
            UUID partyId,
            String email,
            String displayName,
            User.Status status,
            Instant createdAt,
            @Nullable String passwordHash,
            List<RoleGrant> grants) {

        static Row of(ResultSet rs) {
            try {
                return new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("party_id", UUID.class),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        User.Status.valueOf(rs.getString("status")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("password_hash"),
                        new ArrayList<>());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void addGrant(ResultSet rs) throws SQLException {
            var role = rs.getString("role");
            if (role != null) {
                var account = rs.getString("account_id");
                grants.add(new RoleGrant(Role.valueOf(role), account == null ? null : new AccountId(account)));
            }
        }

        Credentials toCredentials() {
            return new Credentials(new User(id, partyId, email, displayName, status, grants, createdAt), passwordHash);
        }
    }
}
