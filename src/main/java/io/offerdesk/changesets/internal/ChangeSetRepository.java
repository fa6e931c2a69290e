package io.offerdesk.changesets.internal;

import io.offerdesk.changesets.ChangeSet;
import io.offerdesk.changesets.ChangeSetFilter;
import io.offerdesk.changesets.ChangeSetStatus;
import io.offerdesk.changesets.FailureCode;
import io.offerdesk.changesets.Intent;
import io.offerdesk.shared.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Change sets, their entity locks and the work queue the workers claim from. */
@Repository
public class ChangeSetRepository {

    /** A stored change set with what only the engine needs. */
    public record Stored(ChangeSet changeSet, String ownerAccountId, Actor actor, String fingerprint) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ChangeSet.Change>> CHANGES = new TypeReference<>() {};

    private static final String COLUMNS = """
            SELECT id, owner_party_id, owner_account_id, name, intent, status, failure_code, failure_description,
                   request_fingerprint, actor_kind, actor_user_id, actor_name, start_time, end_time, changes
            FROM changesets.change_set
            """;
    private static final String INSERT = """
            INSERT INTO changesets.change_set (id, owner_party_id, owner_account_id, name, intent, status,
                client_request_token, request_fingerprint, actor_kind, actor_user_id, actor_name, start_time,
                entity_ids, changes)
            VALUES (:id, :owner, :account, :name, :intent, 'PREPARING', :token, :fingerprint, :actorKind, :actorUser,
                :actorName, :startTime, CAST(:entityIds AS text[]), CAST(:changes AS jsonb))
            ON CONFLICT (owner_party_id, client_request_token) WHERE client_request_token IS NOT NULL DO NOTHING
            """;
    private static final String CLAIM = """
            UPDATE changesets.change_set SET status = 'APPLYING', claimed_until = clock_timestamp() + :lease
            WHERE id IN (SELECT id FROM changesets.change_set
                         WHERE status = 'PREPARING' OR (status = 'APPLYING' AND claimed_until < clock_timestamp())
                         ORDER BY start_time LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING id
            """;
    private static final String FINISH = """
            UPDATE changesets.change_set
            SET status = :status, failure_code = :failureCode, failure_description = :failureDescription,
                end_time = :endTime, claimed_until = NULL, entity_ids = CAST(:entityIds AS text[]),
                changes = CAST(:changes AS jsonb)
            WHERE id = :id AND status = 'APPLYING'
            """;
    private static final String CANCEL = """
            UPDATE changesets.change_set SET status = 'CANCELLED', end_time = :endTime
            WHERE id = :id AND owner_party_id = :owner AND status = 'PREPARING'
            """;

    private final JdbcClient jdbc;

    ChangeSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> findByToken(UUID owner, String token) {
        return jdbc.sql(COLUMNS + "WHERE owner_party_id = :owner AND client_request_token = :token")
                .param("owner", owner)
                .param("token", token)
                .query(ChangeSetRepository::stored)
                .optional();
    }

    /** How many of the party's change sets have not finished, counting no further than {@code limit}. */
    public int countOpen(UUID owner, int limit) {
        return jdbc.sql("""
                        SELECT count(*) FROM (SELECT 1 FROM changesets.change_set
                                              WHERE owner_party_id = :owner AND end_time IS NULL LIMIT :limit) open
                        """)
                .param("owner", owner)
                .param("limit", limit)
                .query(Integer.class)
                .single();
    }

    /** Stores a new change set; false when the party already has one with the same client request token. */
    public boolean insert(Stored stored, @Nullable String token, List<String> entityIds) {
        var set = stored.changeSet();
        return jdbc.sql(INSERT)
                        .param("id", set.id())
                        .param("owner", set.ownerPartyId())
                        .param("account", stored.ownerAccountId())
                        .param("name", set.name())
                        .param("intent", set.intent().name())
                        .param("token", token)
                        .param("fingerprint", stored.fingerprint())
                        .param("actorKind", stored.actor().kind().name())
                        .param("actorUser", stored.actor().userId())
                        .param("actorName", stored.actor().name())
                        .param("startTime", Timestamp.from(set.startTime()))
                        .param("entityIds", textArray(entityIds))
                        .param("changes", JSON.writeValueAsString(set.changes()))
                        .update()
                == 1;
    }

    /** Takes the lock on an entity for a change set; false when another change set holds it. */
    public boolean lock(String entityId, String changeSetId) {
        return jdbc.sql("""
                        INSERT INTO changesets.entity_lock (entity_id, change_set_id) VALUES (:entityId, :changeSetId)
                        ON CONFLICT (entity_id) DO NOTHING
                        """)
                        .param("entityId", entityId)
                        .param("changeSetId", changeSetId)
                        .update()
                == 1;
    }

    public void unlock(String changeSetId) {
        jdbc.sql("DELETE FROM changesets.entity_lock WHERE change_set_id = :id")
                .param("id", changeSetId)
                .update();
    }

    /** Claims up to {@code limit} waiting change sets (and ones whose worker died) for this worker. */
    public List<String> claim(int limit, Duration lease) {
        return jdbc.sql(CLAIM)
                .param("limit", limit)
                .param("lease", new org.postgresql.util.PGInterval(0, 0, 0, 0, 0, lease.toSeconds()))
                .query(String.class)
                .list();
    }

    /** Keeps an applying change set claimed for {@code hold} more (real time, as claims are), untouched. */
    public void holdUntil(String id, Duration hold) {
        jdbc.sql("""
                        UPDATE changesets.change_set SET claimed_until = clock_timestamp() + :hold
                        WHERE id = :id AND status = 'APPLYING'
                        """)
                .param("id", id)
                .param(
                        "hold",
                        new org.postgresql.util.PGInterval(
                                0, 0, 0, 0, 0, hold.plusMillis(999).toSeconds()))
                .update();
    }

    /** The change set's status alone, for waiting: no changes to read. */
    public Optional<ChangeSetStatus> status(String id) {
        return jdbc.sql("SELECT status FROM changesets.change_set WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> ChangeSetStatus.valueOf(rs.getString(1)))
                .optional();
    }

    public Optional<ChangeSetStatus> status(UUID owner, String id) {
        return jdbc.sql("SELECT status FROM changesets.change_set WHERE id = :id AND owner_party_id = :owner")
                .param("id", id)
                .param("owner", owner)
                .query((rs, row) -> ChangeSetStatus.valueOf(rs.getString(1)))
                .optional();
    }

    public Optional<Stored> find(String id) {
        return jdbc.sql(COLUMNS + "WHERE id = :id")
                .param("id", id)
                .query(ChangeSetRepository::stored)
                .optional();
    }

    public Optional<Stored> find(UUID owner, String id) {
        return jdbc.sql(COLUMNS + "WHERE id = :id AND owner_party_id = :owner")
                .param("id", id)
                .param("owner", owner)
                .query(ChangeSetRepository::stored)
                .optional();
    }

    /** Records the outcome of an applying change set; false if it was not applying any more. */
    public boolean finish(
            String id,
            ChangeSetStatus status,
            @Nullable FailureCode failureCode,
            @Nullable String failureDescription,
            Instant endTime,
            List<String> entityIds,
            List<ChangeSet.Change> changes) {
        return jdbc.sql(FINISH)
                        .param("id", id)
                        .param("status", status.name())
                        .param("failureCode", failureCode == null ? null : failureCode.name())
                        .param("failureDescription", failureDescription)
                        .param("endTime", Timestamp.from(endTime))
                        .param("entityIds", textArray(entityIds))
                        .param("changes", JSON.writeValueAsString(changes))
                        .update()
                == 1;
    }

    public boolean cancel(UUID owner, String id, Instant endTime) {
        return jdbc.sql(CANCEL)
                        .param("id", id)
                        .param("owner", owner)
                        .param("endTime", Timestamp.from(endTime))
                        .update()
                == 1;
    }

    /** A page of the party's change sets matching the filters, in the order asked for. */
    public List<Stored> list(UUID owner, ChangeSetFilter filter, int offset, int limit) {
        var order = (filter.sortByEndTime() ? "end_time" : "start_time") + (filter.ascending() ? " ASC" : " DESC");
        return jdbc.sql(COLUMNS + """
                        WHERE owner_party_id = :owner
                          AND (CAST(:status AS varchar) IS NULL OR status = :status)
                          AND (CAST(:name AS varchar) IS NULL OR name = :name)
                          AND (CAST(:entityId AS varchar) IS NULL OR entity_ids @> ARRAY[CAST(:entityId AS text)])
                          AND (CAST(:startedAfter AS timestamptz) IS NULL OR start_time >= :startedAfter)
                          AND (CAST(:startedBefore AS timestamptz) IS NULL OR start_time <= :startedBefore)
                          AND (CAST(:endedAfter AS timestamptz) IS NULL OR end_time >= :endedAfter)
                          AND (CAST(:endedBefore AS timestamptz) IS NULL OR end_time <= :endedBefore)
                        ORDER BY\s""" + order + ", id LIMIT :limit OFFSET :offset")
                .param("owner", owner)
                .param(
                        "status",
                        filter.status() == null ? null : filter.status().name())
                .param("name", filter.name())
                .param("entityId", filter.entityId())
                .param("startedAfter", timestamp(filter.startedAfter()))
                .param("startedBefore", timestamp(filter.startedBefore()))
                .param("endedAfter", timestamp(filter.endedAfter()))
                .param("endedBefore", timestamp(filter.endedBefore()))
                .param("limit", limit)
                .param("offset", offset)
                .query(ChangeSetRepository::stored)
                .list();
    }

    public Optional<Instant> oldestEnd() {
        return jdbc.sql("SELECT min(end_time) FROM changesets.change_set WHERE end_time IS NOT NULL")
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    public int deleteEndedBefore(Instant before) {
        return jdbc.sql("DELETE FROM changesets.change_set WHERE end_time < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    /** The change set's ARN as AWS writes it, under the owner's account. */
    public static String arn(String account, String id) {
        return "arn:aws:aws-marketplace:us-east-1:" + account + ":AWSMarketplace/ChangeSet/" + id;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        var owner = rs.getObject("owner_party_id", UUID.class);
        var failure = rs.getString("failure_code");
        var userId = rs.getObject("actor_user_id", UUID.class);
        var kind = Actor.Kind.valueOf(rs.getString("actor_kind"));
        var actor = new Actor(kind, userId, kind == Actor.Kind.SYSTEM ? null : owner, rs.getString("actor_name"));
        var end = rs.getTimestamp("end_time");
        var account = rs.getString("owner_account_id");
        var id = rs.getString("id");
        var changeSet = new ChangeSet(
                id,
                arn(account, id),
                owner,
                rs.getString("name"),
                Intent.valueOf(rs.getString("intent")),
                ChangeSetStatus.valueOf(rs.getString("status")),
                failure == null ? null : FailureCode.valueOf(failure),
                rs.getString("failure_description"),
                rs.getTimestamp("start_time").toInstant(),
                end == null ? null : end.toInstant(),
                rs.getString("actor_name"),
                JSON.readValue(rs.getString("changes"), CHANGES));
        return new Stored(changeSet, account, actor, rs.getString("request_fingerprint"));
    }

    /** A text array parameter: the driver sends it as {@code text[]}, so no literal is built and nothing needs quoting. */
    private static String[] textArray(List<String> values) {
        return values.toArray(String[]::new);
    }
}
