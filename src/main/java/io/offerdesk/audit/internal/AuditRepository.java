package io.offerdesk.audit.internal;

import io.offerdesk.audit.AuditEntry;
import io.offerdesk.audit.AuditFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit schema. Inserts only: there is no update or delete here. */
@Repository
public class AuditRepository {

    private static final String COLUMNS = """
            sequence, occurred_at, actor_kind, actor_user_id, actor_party_id, actor_name, action, entity_type,
            entity_id, owner_party_id, payload::text AS payload, payload_digest, previous_hash, hash
            """;

    private static final String LOCK_HEAD = "SELECT last_hash FROM audit.chain_head WHERE id = 1 FOR UPDATE";
    private static final String HEAD = "SELECT last_hash FROM audit.chain_head WHERE id = 1";
    // The entries get their sequence in the order given (ORDER BY position), which is the order they are chained in.
    private static final String APPEND = """
            WITH moved AS (UPDATE audit.chain_head SET last_hash = :last WHERE id = 1)
            INSERT INTO audit.entry (occurred_at, actor_kind, actor_user_id, actor_party_id, actor_name, action,
                                     entity_type, entity_id, owner_party_id, payload, payload_digest, previous_hash, hash)
            SELECT e.occurred_at, e.actor_kind, e.actor_user_id, e.actor_party_id, e.actor_name, e.action,
                   e.entity_type, e.entity_id, e.owner_party_id, CAST(e.payload AS json), e.payload_digest,
                   e.previous_hash, e.hash
            FROM unnest(CAST(:occurredAt AS timestamptz[]), CAST(:actorKind AS varchar[]), CAST(:actorUserId AS uuid[]),
                        CAST(:actorPartyId AS uuid[]), CAST(:actorName AS varchar[]), CAST(:action AS varchar[]),
                        CAST(:entityType AS varchar[]), CAST(:entityId AS varchar[]), CAST(:ownerPartyId AS varchar[]),
                        CAST(:payload AS text[]), CAST(:payloadDigest AS varchar[]), CAST(:previousHash AS varchar[]),
                        CAST(:hash AS varchar[]))
                 WITH ORDINALITY AS e(occurred_at, actor_kind, actor_user_id, actor_party_id, actor_name, action,
                                      entity_type, entity_id, owner_party_id, payload, payload_digest, previous_hash,
                                      hash, position)
            ORDER BY e.position
            """;
    private static final String IN_ORDER = "SELECT " + COLUMNS + " FROM audit.entry ORDER BY sequence";
    private static final String SEARCH = "SELECT " + COLUMNS + """
            FROM audit.entry
            WHERE (CAST(:owner AS varchar) IS NULL OR owner_party_id = :owner)
              AND (CAST(:entityType AS varchar) IS NULL OR entity_type = :entityType)
              AND (CAST(:entityId AS varchar) IS NULL OR entity_id = :entityId)
              AND (CAST(:action AS varchar) IS NULL OR action = :action)
              AND (CAST(:actor AS varchar) IS NULL OR actor_name ILIKE '%' || :actor || '%')
              AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
              AND (CAST(:before AS bigint) IS NULL OR sequence < :before)
            ORDER BY sequence DESC
            LIMIT :limit
            """;

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the chain head for this transaction and returns the hash the next entry must link to. */
    String lockHead() {
        return jdbc.sql(LOCK_HEAD).query(String.class).single();
    }

    public String headHash() {
        return jdbc.sql(HEAD).query(String.class).single();
    }

    /**
     * Appends entries already linked to each other and to the head, in order, and moves the head to the last: one
     * statement, so a transaction holding the head makes one round trip for all its entries.
     */
    void append(List<AuditEntry> chained) {
        jdbc.sql(APPEND)
                .param("last", chained.getLast().hash())
                .param("occurredAt", column(chained, e -> e.occurredAt().toString()))
                .param("actorKind", column(chained, AuditEntry::actorKind))
                .param(
                        "actorUserId",
                        column(
                                chained,
                                e -> e.actorUserId() == null
                                        ? null
                                        : e.actorUserId().toString()))
                .param(
                        "actorPartyId",
                        column(
                                chained,
                                e -> e.actorPartyId() == null
                                        ? null
                                        : e.actorPartyId().toString()))
                .param("actorName", column(chained, AuditEntry::actorName))
                .param("action", column(chained, AuditEntry::action))
                .param("entityType", column(chained, AuditEntry::entityType))
                .param("entityId", column(chained, AuditEntry::entityId))
                .param("ownerPartyId", column(chained, AuditEntry::ownerPartyId))
                .param("payload", column(chained, AuditEntry::payload))
                .param("payloadDigest", column(chained, AuditEntry::payloadDigest))
                .param("previousHash", column(chained, AuditEntry::previousHash))
                .param("hash", column(chained, AuditEntry::hash))
                .update();
    }

    private static String[] column(List<AuditEntry> entries, Function<AuditEntry, @Nullable String> value) {
        return entries.stream().map(value).toArray(String[]::new);
    }

    public void forEachInOrder(Consumer<AuditEntry> reader) {
        jdbc.sql(IN_ORDER).withFetchSize(1000).query((ResultSet rs) -> {
            reader.accept(map(rs));
        });
    }

    public List<AuditEntry> search(AuditFilter filter) {
        return jdbc.sql(SEARCH)
                .param("owner", filter.ownerPartyId())
                .param("entityType", blankToNull(filter.entityType()))
                .param("entityId", blankToNull(filter.entityId()))
                .param("action", blankToNull(filter.action()))
                .param("actor", blankToNull(filter.actor()))
                .param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
                .param("to", filter.to() == null ? null : Timestamp.from(filter.to()))
                .param("before", filter.beforeSequence())
                .param("limit", filter.limit())
                .query((rs, row) -> map(rs))
                .list();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong("sequence"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor_kind"),
                rs.getObject("actor_user_id", UUID.class),
                rs.getObject("actor_party_id", UUID.class),
                rs.getString("actor_name"),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("owner_party_id"),
                rs.getString("payload"),
                rs.getString("payload_digest"),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }
}
