package io.offerdesk.gtm.internal.crm;

import io.offerdesk.shared.FieldViolation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * CRM connections and the receipts of their payloads. Every read for a user names the party; only the inbound
 * endpoint finds a connection by its id alone, since the CRM's signature, not a user, authenticates that call.
 */
@Repository
class CrmRepository {

    /** A connection as stored, its secret still sealed. */
    record StoredConnection(
            String id,
            UUID partyId,
            String name,
            byte[] secretBox,
            String mapping,
            UUID actingUserId,
            String actingUserEmail,
            boolean active,
            Instant createdAt,
            Instant secretRotatedAt) {}

    enum Outcome {
        CREATED,
        IGNORED,
        REFUSED
    }

    record Receipt(
            String id,
            String connectionId,
            Instant receivedAt,
            Outcome outcome,
            @Nullable String externalId,
            @Nullable String changeSetId,
            @Nullable String templateId,
            List<FieldViolation> violations,
            String payload) {
        Receipt {
            violations = List.copyOf(violations);
        }
    }

    private static final String CONNECTION_COLUMNS = """
            SELECT id, party_id, name, secret_box, mapping, acting_user_id, acting_user_email, active, created_at,
                secret_rotated_at
            FROM gtm.crm_connection
            """;
    private static final String RECEIPT_COLUMNS = """
            SELECT id, connection_id, received_at, outcome, external_id, change_set_id, template_id, violations,
                payload
            FROM gtm.crm_receipt
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CrmRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(StoredConnection c) {
        jdbc.sql("""
                        INSERT INTO gtm.crm_connection (id, party_id, name, secret_box, mapping, acting_user_id,
                            acting_user_email, active, created_at, secret_rotated_at)
                        VALUES (:id, :party, :name, :box, CAST(:mapping AS jsonb), :user, :email, :active, :at, :at)
                        """)
                .param("id", c.id())
                .param("party", c.partyId())
                .param("name", c.name())
                .param("box", c.secretBox())
                .param("mapping", c.mapping())
                .param("user", c.actingUserId())
                .param("email", c.actingUserEmail())
                .param("active", c.active())
                .param("at", Timestamp.from(c.createdAt()))
                .update();
    }

    void update(UUID party, String id, String name, String mapping, UUID actingUserId, String email, boolean active) {
        jdbc.sql("""
                        UPDATE gtm.crm_connection
                        SET name = :name, mapping = CAST(:mapping AS jsonb), acting_user_id = :user,
                            acting_user_email = :email, active = :active
                        WHERE party_id = :party AND id = :id
                        """)
                .param("party", party)
                .param("id", id)
                .param("name", name)
                .param("mapping", mapping)
                .param("user", actingUserId)
                .param("email", email)
                .param("active", active)
                .update();
    }

    void rotateSecret(UUID party, String id, byte[] box, Instant at) {
        jdbc.sql("""
                        UPDATE gtm.crm_connection SET secret_box = :box, secret_rotated_at = :at
                        WHERE party_id = :party AND id = :id
                        """)
                .param("party", party)
                .param("id", id)
                .param("box", box)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<StoredConnection> connections(UUID party) {
        return jdbc.sql(CONNECTION_COLUMNS + " WHERE party_id = :party ORDER BY created_at DESC, id")
                .param("party", party)
                .query(CrmRepository::connection)
                .list();
    }

    Optional<StoredConnection> connection(UUID party, String id) {
        return jdbc.sql(CONNECTION_COLUMNS + " WHERE party_id = :party AND id = :id")
                .param("party", party)
                .param("id", id)
                .query(CrmRepository::connection)
                .optional();
    }

    /** For the inbound endpoint only: the caller is the CRM, proven by the signature checked next. */
    Optional<StoredConnection> connection(String id) {
        return jdbc.sql(CONNECTION_COLUMNS + " WHERE id = :id")
                .param("id", id)
                .query(CrmRepository::connection)
                .optional();
    }

    /** Records a receipt; false when a CREATED one for the same opportunity got there first. */
    boolean insert(UUID party, Receipt r) {
        return jdbc.sql("""
                        INSERT INTO gtm.crm_receipt (id, connection_id, party_id, received_at, outcome, external_id,
                            change_set_id, template_id, violations, payload)
                        VALUES (:id, :connection, :party, :at, :outcome, :external, :changeSet, :template,
                            CAST(:violations AS jsonb), CAST(:payload AS jsonb))
                        ON CONFLICT DO NOTHING
                        """)
                        .param("id", r.id())
                        .param("connection", r.connectionId())
                        .param("party", party)
                        .param("at", Timestamp.from(r.receivedAt()))
                        .param("outcome", r.outcome().name())
                        .param("external", r.externalId())
                        .param("changeSet", r.changeSetId())
                        .param("template", r.templateId())
                        .param("violations", json.writeValueAsString(r.violations()))
                        .param("payload", r.payload())
                        .update()
                > 0;
    }

    Optional<Receipt> created(String connectionId, String externalId) {
        return jdbc.sql(RECEIPT_COLUMNS
                        + " WHERE connection_id = :connection AND external_id = :external AND outcome = 'CREATED'")
                .param("connection", connectionId)
                .param("external", externalId)
                .query(this::receipt)
                .optional();
    }

    List<Receipt> receipts(UUID party, String connectionId, int offset, int limit) {
        return jdbc.sql(RECEIPT_COLUMNS + """
                         WHERE party_id = :party AND connection_id = :connection
                        ORDER BY received_at DESC, id OFFSET :offset LIMIT :limit
                        """)
                .param("party", party)
                .param("connection", connectionId)
                .param("offset", offset)
                .param("limit", limit)
                .query(this::receipt)
                .list();
    }

    private static StoredConnection connection(ResultSet rs, int row) throws SQLException {
        return new StoredConnection(
                rs.getString("id"),
                rs.getObject("party_id", UUID.class),
                rs.getString("name"),
                rs.getBytes("secret_box"),
                rs.getString("mapping"),
                rs.getObject("acting_user_id", UUID.class),
                rs.getString("acting_user_email"),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("secret_rotated_at").toInstant());
    }

    private Receipt receipt(ResultSet rs, int row) throws SQLException {
        var violations = json.readTree(rs.getString("violations"));
        var list = new java.util.ArrayList<FieldViolation>();
        for (var v : violations) {
            var arguments = new java.util.ArrayList<Object>();
            v.path("arguments").forEach(a -> arguments.add(a.asString()));
            list.add(new FieldViolation(
                    v.path("field").asString(), v.path("code").asString(), arguments));
        }
        return new Receipt(
                rs.getString("id"),
                rs.getString("connection_id"),
                rs.getTimestamp("received_at").toInstant(),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getString("external_id"),
                rs.getString("change_set_id"),
                rs.getString("template_id"),
                list,
                rs.getString("payload"));
    }
}
