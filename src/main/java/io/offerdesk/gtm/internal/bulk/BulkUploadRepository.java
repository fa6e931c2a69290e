package io.offerdesk.gtm.internal.bulk;

import io.offerdesk.gtm.BulkOfferError;
import io.offerdesk.gtm.BulkOfferRow;
import io.offerdesk.gtm.BulkOfferUpload;
import io.offerdesk.gtm.BulkOfferUpload.Mode;
import io.offerdesk.gtm.BulkOfferUpload.Status;
import io.offerdesk.gtm.internal.bulk.domain.RowTranslation.BuiltChange;
import io.offerdesk.shared.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk uploads and their rows. Every read of an upload names its owner; the worker claims uploads with a lease ({@code
 * SKIP LOCKED}, database time as for change sets), so one node works on an upload at a time and another takes over
 * when a node dies.
 */
@Repository
public class BulkUploadRepository {

    /** What the worker needs to work on an upload. */
    public record Claimed(
            String id,
            UUID owner,
            Actor actor,
            Status status,
            @Nullable Mode mode) {}

    /** A row the worker is to validate or create. */
    public record WorkRow(
            int number, List<BuiltChange> changes, @Nullable String changeSetId) {}

    /** A new row: its cells, and either its changes or the errors of the cells that could not be read. */
    public record NewRow(
            int number, Map<String, String> cells, @Nullable List<BuiltChange> changes, List<BulkOfferError> errors) {}

    private static final TypeReference<List<BulkOfferError>> ERRORS = new TypeReference<>() {};
    private static final TypeReference<List<BuiltChange>> CHANGES = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> CELLS = new TypeReference<>() {};
    private static final String UPLOAD = """
            SELECT u.id, u.file_name, u.format, u.status, u.mode, u.total_rows, u.created_at, u.submitted_at,
                   u.finished_at,
                   (SELECT coalesce(jsonb_object_agg(s.status, s.n), '{}'::jsonb)
                    FROM (SELECT status, count(*) AS n FROM gtm.bulk_row r WHERE r.upload_id = u.id GROUP BY status) s)
                       AS counts
            FROM gtm.bulk_upload u
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BulkUploadRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(
            String id, UUID owner, String fileName, String format, Actor actor, Instant now, List<NewRow> rows) {
        jdbc.sql("""
                        INSERT INTO gtm.bulk_upload (id, owner_party_id, file_name, format, status, total_rows,
                            actor_kind, actor_user_id, actor_party_id, actor_name, created_at)
                        VALUES (:id, :owner, :fileName, :format, 'VALIDATING', :total, :kind, :userId, :partyId, :name,
                            :now)
                        """)
                .param("id", id)
                .param("owner", owner)
                .param("fileName", fileName)
                .param("format", format)
                .param("total", rows.size())
                .param("kind", actor.kind().name())
                .param("userId", actor.userId())
                .param("partyId", actor.partyId())
                .param("name", actor.name())
                .param("now", Timestamp.from(now))
                .update();
        for (var row : rows) {
            var changes = row.changes();
            jdbc.sql("""
                            INSERT INTO gtm.bulk_row (upload_id, row_number, cells, changes, status, errors)
                            VALUES (:id, :number, CAST(:cells AS jsonb), CAST(:changes AS jsonb), :status,
                                CAST(:errors AS jsonb))
                            """)
                    .param("id", id)
                    .param("number", row.number())
                    .param("cells", json.writeValueAsString(row.cells()))
                    .param("changes", changes == null ? null : json.writeValueAsString(changes))
                    .param("status", changes == null ? "INVALID" : "PENDING")
                    .param("errors", json.writeValueAsString(row.errors()))
                    .update();
        }
    }

    public Optional<BulkOfferUpload> find(UUID owner, String id) {
        return jdbc.sql(UPLOAD + " WHERE u.owner_party_id = :owner AND u.id = :id")
                .param("owner", owner)
                .param("id", id)
                .query(this::upload)
                .optional();
    }

    public List<BulkOfferUpload> list(UUID owner, int offset, int limit) {
        return jdbc.sql(UPLOAD + " WHERE u.owner_party_id = :owner ORDER BY u.created_at DESC, u.id LIMIT :limit"
                        + " OFFSET :offset")
                .param("owner", owner)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::upload)
                .list();
    }

    /** The upload's rows in file order, only those in {@code statuses} when some are given. */
    public List<BulkOfferRow> rows(String uploadId, List<BulkOfferRow.Status> statuses, int offset, int limit) {
        return jdbc.sql("""
                        SELECT row_number, cells, status, errors, release_errors, offer_id, change_set_id
                        FROM gtm.bulk_row
                        WHERE upload_id = :id AND (:any OR status IN (:statuses))
                        ORDER BY row_number LIMIT :limit OFFSET :offset
                        """)
                .param("id", uploadId)
                .param("any", statuses.isEmpty())
                .param(
                        "statuses",
                        statuses.isEmpty()
                                ? List.of("")
                                : statuses.stream().map(Enum::name).toList())
                .param("limit", limit)
                .param("offset", offset)
                .query(this::row)
                .list();
    }

    /** Submits a validated upload: its valid rows are queued; false if it was not waiting to be submitted. */
    public boolean submit(UUID owner, String id, Mode mode, Instant now) {
        var submitted = jdbc.sql("""
                        UPDATE gtm.bulk_upload SET status = 'RUNNING', mode = :mode, submitted_at = :now
                        WHERE owner_party_id = :owner AND id = :id AND status = 'VALIDATED'
                        """)
                        .param("mode", mode.name())
                        .param("now", Timestamp.from(now))
                        .param("owner", owner)
                        .param("id", id)
                        .update()
                == 1;
        if (submitted) {
            jdbc.sql("""
                            UPDATE gtm.bulk_row
                            SET status = CASE WHEN :release AND release_errors <> '[]'::jsonb THEN 'SKIPPED'
                                              ELSE 'QUEUED' END
                            WHERE upload_id = :id AND status = 'VALID'
                            """).param("release", mode == Mode.RELEASE).param("id", id).update();
        }
        return submitted;
    }

    /** Claims an upload with open work whose lease is free or ran out, for {@code lease}. */
    Optional<Claimed> claim(Duration lease) {
        return jdbc.sql("""
                        UPDATE gtm.bulk_upload
                        SET lease_until = clock_timestamp() + CAST(:lease AS interval)
                        WHERE id = (SELECT id FROM gtm.bulk_upload
                                    WHERE status IN ('VALIDATING', 'RUNNING')
                                      AND (lease_until IS NULL OR lease_until < clock_timestamp())
                                    ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, owner_party_id, status, mode, actor_kind, actor_user_id, actor_party_id,
                            actor_name
                        """)
                .param("lease", lease.toMillis() + " milliseconds")
                .query((rs, n) -> {
                    var kind = Actor.Kind.valueOf(rs.getString("actor_kind"));
                    var mode = rs.getString("mode");
                    return new Claimed(
                            rs.getString("id"),
                            rs.getObject("owner_party_id", UUID.class),
                            new Actor(
                                    kind,
                                    rs.getObject("actor_user_id", UUID.class),
                                    rs.getObject("actor_party_id", UUID.class),
                                    rs.getString("actor_name")),
                            Status.valueOf(rs.getString("status")),
                            mode == null ? null : Mode.valueOf(mode));
                })
                .optional();
    }

    void renew(String id, Duration lease) {
        jdbc.sql("UPDATE gtm.bulk_upload SET lease_until = clock_timestamp() + CAST(:lease AS interval) WHERE id = :id")
                .param("lease", lease.toMillis() + " milliseconds")
                .param("id", id)
                .update();
    }

    /** The next rows with work in this phase: pending ones while validating, queued ones once submitted. */
    List<WorkRow> openRows(String uploadId, Status phase, int limit) {
        return jdbc.sql("""
                        SELECT row_number, changes, change_set_id FROM gtm.bulk_row
                        WHERE upload_id = :id AND status = :open ORDER BY row_number LIMIT :limit
                        """)
                .param("id", uploadId)
                .param("open", phase == Status.VALIDATING ? "PENDING" : "QUEUED")
                .param("limit", limit)
                .query((rs, n) -> new WorkRow(
                        rs.getInt("row_number"),
                        json.readValue(rs.getString("changes"), CHANGES),
                        rs.getString("change_set_id")))
                .list();
    }

    /** Remembers the change set a queued row started, so that a node taking over waits for it. */
    void started(String uploadId, int number, String changeSetId) {
        jdbc.sql("UPDATE gtm.bulk_row SET change_set_id = :cs WHERE upload_id = :id AND row_number = :number")
                .param("cs", changeSetId)
                .param("id", uploadId)
                .param("number", number)
                .update();
    }

    void validated(String uploadId, int number, List<BulkOfferError> errors, List<BulkOfferError> releaseErrors) {
        jdbc.sql("""
                        UPDATE gtm.bulk_row SET status = :status, errors = CAST(:errors AS jsonb),
                            release_errors = CAST(:release AS jsonb)
                        WHERE upload_id = :id AND row_number = :number AND status = 'PENDING'
                        """)
                .param("status", errors.isEmpty() ? "VALID" : "INVALID")
                .param("errors", json.writeValueAsString(errors))
                .param("release", json.writeValueAsString(releaseErrors))
                .param("id", uploadId)
                .param("number", number)
                .update();
    }

    void finished(
            String uploadId,
            int number,
            BulkOfferRow.Status status,
            @Nullable String offerId,
            String changeSetId,
            List<BulkOfferError> errors) {
        jdbc.sql("""
                        UPDATE gtm.bulk_row SET status = :status, offer_id = :offer, change_set_id = :cs,
                            errors = CAST(:errors AS jsonb)
                        WHERE upload_id = :id AND row_number = :number AND status = 'QUEUED'
                        """)
                .param("status", status.name())
                .param("offer", offerId)
                .param("cs", changeSetId)
                .param("errors", json.writeValueAsString(errors))
                .param("id", uploadId)
                .param("number", number)
                .update();
    }

    /** Ends the phase when no row has work left in it: validated, or completed. */
    boolean endPhase(String uploadId, Status phase, Instant now) {
        return jdbc.sql("""
                        UPDATE gtm.bulk_upload
                        SET status = :next, lease_until = NULL,
                            finished_at = CASE WHEN :next = 'COMPLETED' THEN :now ELSE finished_at END
                        WHERE id = :id AND status = :phase
                          AND NOT EXISTS (SELECT 1 FROM gtm.bulk_row
                                          WHERE upload_id = :id AND status IN ('PENDING', 'QUEUED'))
                        """)
                        .param("next", phase == Status.VALIDATING ? "VALIDATED" : "COMPLETED")
                        .param("now", Timestamp.from(now))
                        .param("id", uploadId)
                        .param("phase", phase.name())
                        .update()
                == 1;
    }

    void release(String uploadId) {
        jdbc.sql("UPDATE gtm.bulk_upload SET lease_until = NULL WHERE id = :id")
                .param("id", uploadId)
                .update();
    }

    private BulkOfferUpload upload(ResultSet rs, int n) throws SQLException {
        var counts = new EnumMap<BulkOfferRow.Status, Integer>(BulkOfferRow.Status.class);
        for (var status : BulkOfferRow.Status.values()) {
            counts.put(status, 0);
        }
        json.readValue(rs.getString("counts"), new TypeReference<Map<String, Integer>>() {})
                .forEach((status, count) -> counts.put(BulkOfferRow.Status.valueOf(status), count));
        var status = Status.valueOf(rs.getString("status"));
        var total = rs.getInt("total_rows");
        var open = counts.getOrDefault(BulkOfferRow.Status.PENDING, 0)
                + counts.getOrDefault(BulkOfferRow.Status.QUEUED, 0);
        var mode = rs.getString("mode");
        return new BulkOfferUpload(
                rs.getString("id"),
                rs.getString("file_name"),
                rs.getString("format"),
                status,
                mode == null ? null : Mode.valueOf(mode),
                total,
                counts,
                total - open,
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("submitted_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private BulkOfferRow row(ResultSet rs, int n) throws SQLException {
        return new BulkOfferRow(
                rs.getInt("row_number"),
                json.readValue(rs.getString("cells"), CELLS),
                BulkOfferRow.Status.valueOf(rs.getString("status")),
                json.readValue(rs.getString("errors"), ERRORS),
                json.readValue(rs.getString("release_errors"), ERRORS),
                rs.getString("offer_id"),
                rs.getString("change_set_id"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
