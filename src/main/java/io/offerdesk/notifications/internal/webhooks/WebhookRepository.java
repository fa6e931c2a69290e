package io.offerdesk.notifications.internal.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Endpoints, the delivery outbox and the delivery log. Every read for a user names the party; only the delivery
 * worker claims due deliveries across parties, by design, with {@code SKIP LOCKED}.
 */
@Repository
public class WebhookRepository {

    /** An endpoint as stored, its secret still sealed. */
    public record StoredEndpoint(
            String id,
            UUID partyId,
            String url,
            List<String> eventTypes,
            boolean active,
            byte[] secretBox,
            Instant createdAt,
            Instant secretRotatedAt) {}

    public enum State {
        PENDING,
        DELIVERED,
        DEAD
    }

    public record Delivery(
            String id,
            String endpointId,
            UUID partyId,
            UUID eventId,
            String eventType,
            String body,
            State state,
            int attempts,
            @Nullable Instant nextAttemptAt,
            Instant giveUpAt,
            @Nullable String replayOf,
            Instant createdAt) {}

    public record Attempt(
            String deliveryId,
            int attempt,
            Instant attemptedAt,
            @Nullable Integer statusCode,
            long latencyMillis,
            @Nullable String error) {}

    /** A party's interest in one event type: which of its endpoints subscribed to it. */
    public record Subscription(UUID party, String eventType) {}

    /** A claimed delivery with what its attempt needs: where to send it and the sealed secret to sign it with. */
    public record Claimed(Delivery delivery, String url, byte[] secretBox) {}

    private static final String DELIVERY_COLUMNS = """
            SELECT d.id, d.endpoint_id, d.party_id, d.event_id, d.event_type, d.body, d.state, d.attempts,
                d.next_attempt_at, d.give_up_at, d.replay_of, d.created_at
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WebhookRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insertEndpoint(StoredEndpoint e) {
        jdbc.sql("""
                        INSERT INTO notifications.webhook_endpoint (id, party_id, url, event_types, active, secret_box,
                            created_at, secret_rotated_at)
                        VALUES (:id, :party, :url, CAST(:types AS jsonb), :active, :box, :createdAt, :createdAt)
                        """)
                .param("id", e.id())
                .param("party", e.partyId())
                .param("url", e.url())
                .param("types", json.writeValueAsString(e.eventTypes()))
                .param("active", e.active())
                .param("box", e.secretBox())
                .param("createdAt", Timestamp.from(e.createdAt()))
                .update();
    }

    public void updateEndpoint(UUID party, String id, String url, List<String> eventTypes, boolean active) {
        jdbc.sql("""
                        UPDATE notifications.webhook_endpoint
                        SET url = :url, event_types = CAST(:types AS jsonb), active = :active
                        WHERE party_id = :party AND id = :id
                        """)
                .param("party", party)
                .param("id", id)
                .param("url", url)
                .param("types", json.writeValueAsString(eventTypes))
                .param("active", active)
                .update();
    }

    public void rotateSecret(UUID party, String id, byte[] box, Instant at) {
        jdbc.sql("""
                        UPDATE notifications.webhook_endpoint SET secret_box = :box, secret_rotated_at = :at
                        WHERE party_id = :party AND id = :id
                        """)
                .param("party", party)
                .param("id", id)
                .param("box", box)
                .param("at", Timestamp.from(at))
                .update();
    }

    public List<StoredEndpoint> endpoints(UUID party) {
        return jdbc.sql("""
                        SELECT id, party_id, url, event_types, active, secret_box, created_at, secret_rotated_at
                        FROM notifications.webhook_endpoint WHERE party_id = :party ORDER BY created_at, id
                        """).param("party", party).query(this::endpoint).list();
    }

    public Optional<StoredEndpoint> endpoint(UUID party, String id) {
        return jdbc.sql("""
                        SELECT id, party_id, url, event_types, active, secret_box, created_at, secret_rotated_at
                        FROM notifications.webhook_endpoint WHERE party_id = :party AND id = :id
                        """)
                .param("party", party)
                .param("id", id)
                .query(this::endpoint)
                .optional();
    }

    /**
     * The active endpoints each party subscribed to each event type, in one query however many pairs; a pair without
     * any is left out.
     */
    public Map<Subscription, List<String>> subscribers(Collection<Subscription> wanted) {
        var pairs = List.copyOf(new LinkedHashSet<>(wanted));
        var found = new HashMap<Subscription, List<String>>();
        jdbc.sql("""
                        SELECT w.party_id, w.event_type, e.id
                        FROM unnest(?::uuid[], ?::varchar[]) AS w(party_id, event_type)
                        JOIN notifications.webhook_endpoint e ON e.party_id = w.party_id AND e.active
                            AND e.event_types @> jsonb_build_array(w.event_type)
                        ORDER BY e.id
                        """)
                .params(
                        pairs.stream().map(Subscription::party).toArray(UUID[]::new),
                        pairs.stream().map(Subscription::eventType).toArray(String[]::new))
                .query(rs -> {
                    found.computeIfAbsent(
                                    new Subscription(rs.getObject(1, UUID.class), rs.getString(2)),
                                    k -> new ArrayList<>())
                            .add(rs.getString(3));
                });
        return found;
    }

    /**
     * Queues the deliveries in one statement; the first delivery of an event to an endpoint is queued once however
     * often it is heard.
     *
     * @return how many were new
     */
    public int enqueue(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        INSERT INTO notifications.webhook_delivery (id, endpoint_id, party_id, event_id, event_type,
                            body, state, attempts, next_attempt_at, give_up_at, replay_of, created_at)
                        SELECT d.id, d.endpoint_id, d.party_id, d.event_id, d.event_type, d.body, 'PENDING', 0,
                            d.next_attempt_at, d.give_up_at, d.replay_of, d.created_at
                        FROM unnest(?::varchar[], ?::varchar[], ?::uuid[], ?::uuid[], ?::varchar[], ?::text[],
                            ?::timestamptz[], ?::timestamptz[], ?::varchar[], ?::timestamptz[])
                            AS d(id, endpoint_id, party_id, event_id, event_type, body, next_attempt_at, give_up_at,
                                replay_of, created_at)
                        ON CONFLICT DO NOTHING
                        """)
                .params(
                        column(deliveries, Delivery::id),
                        column(deliveries, Delivery::endpointId),
                        deliveries.stream().map(Delivery::partyId).toArray(UUID[]::new),
                        deliveries.stream().map(Delivery::eventId).toArray(UUID[]::new),
                        column(deliveries, Delivery::eventType),
                        column(deliveries, Delivery::body),
                        deliveries.stream()
                                .map(d -> timestamp(d.nextAttemptAt()))
                                .toArray(Timestamp[]::new),
                        deliveries.stream()
                                .map(d -> Timestamp.from(d.giveUpAt()))
                                .toArray(Timestamp[]::new),
                        column(deliveries, Delivery::replayOf),
                        deliveries.stream()
                                .map(d -> Timestamp.from(d.createdAt()))
                                .toArray(Timestamp[]::new))
                .update();
    }

    /**
     * Claims the deliveries due at {@code now} for one attempt: counts the attempt and moves the next one to {@code
     * retryAt} of its attempt number. Committed before sending, this keeps other nodes off the delivery while it is
     * sent, and a worker that dies before recording the outcome leaves it pending for that retry: nothing is lost.
     */
    public List<Claimed> claimDue(Instant now, int limit, IntFunction<Instant> retryAt) {
        var due = jdbc.sql(DELIVERY_COLUMNS + """
                        , e.url, e.secret_box
                        FROM notifications.webhook_delivery d
                        JOIN notifications.webhook_endpoint e ON e.id = d.endpoint_id
                        WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now
                        ORDER BY d.next_attempt_at, d.id
                        LIMIT :limit FOR UPDATE OF d SKIP LOCKED
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> new Claimed(mapDelivery(rs, row), rs.getString("url"), rs.getBytes("secret_box")))
                .list();
        if (!due.isEmpty()) {
            // One statement for the batch: the after-commit sender claims batch after batch on one thread (ADR 0054).
            jdbc.sql("""
                            UPDATE notifications.webhook_delivery d
                            SET attempts = d.attempts + 1, next_attempt_at = c.next_attempt_at
                            FROM unnest(CAST(:ids AS varchar[]), CAST(:nexts AS timestamptz[])) AS c(id, next_attempt_at)
                            WHERE d.id = c.id
                            """)
                    .param("ids", column(due, c -> c.delivery().id()))
                    .param(
                            "nexts",
                            column(
                                    due,
                                    c -> retryAt.apply(c.delivery().attempts() + 1)
                                            .toString()))
                    .update();
        }
        return due;
    }

    /** An attempt made and the state it leaves its delivery in. */
    public record Outcome(Attempt attempt, State state) {}

    /**
     * Logs a batch's attempts and moves each delivery to its outcome's state, in two statements however large the
     * batch; a pending one keeps the retry set at its claim.
     */
    public void recordAttempts(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO notifications.webhook_attempt (delivery_id, attempt, attempted_at, status_code,
                            latency_ms, error)
                        SELECT a.delivery_id, a.attempt, a.attempted_at, a.status_code, a.latency_ms, a.error
                        FROM unnest(CAST(:ids AS varchar[]), CAST(:attempts AS integer[]),
                            CAST(:times AS timestamptz[]), CAST(:statuses AS integer[]), CAST(:latencies AS bigint[]),
                            CAST(:errors AS varchar[]))
                            AS a(delivery_id, attempt, attempted_at, status_code, latency_ms, error)
                        ON CONFLICT DO NOTHING
                        """)
                .param("ids", column(outcomes, o -> o.attempt().deliveryId()))
                .param(
                        "attempts",
                        column(outcomes, o -> Integer.toString(o.attempt().attempt())))
                // Sent as text, the times keep their microseconds as a Timestamp parameter would.
                .param("times", column(outcomes, o -> o.attempt().attemptedAt().toString()))
                .param("statuses", column(outcomes, o -> {
                    var status = o.attempt().statusCode();
                    return status == null ? null : status.toString();
                }))
                .param(
                        "latencies",
                        column(outcomes, o -> Long.toString(o.attempt().latencyMillis())))
                .param("errors", column(outcomes, o -> o.attempt().error()))
                .update();
        jdbc.sql("""
                        UPDATE notifications.webhook_delivery d
                        SET state = o.state,
                            next_attempt_at = CASE WHEN o.state = 'PENDING' THEN d.next_attempt_at END
                        FROM unnest(CAST(:ids AS varchar[]), CAST(:states AS varchar[])) AS o(id, state)
                        WHERE d.id = o.id AND d.state = 'PENDING'
                        """)
                .param("ids", column(outcomes, o -> o.attempt().deliveryId()))
                .param("states", column(outcomes, o -> o.state().name()))
                .update();
    }

    /** One column of rows, as the text array an {@code unnest} insert or update takes. */
    private static <T> @Nullable String[] column(List<T> rows, Function<T, @Nullable String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    public List<Delivery> deliveries(
            UUID party, @Nullable String endpointId, @Nullable State state, int offset, int limit) {
        return jdbc.sql(DELIVERY_COLUMNS + """
                        FROM notifications.webhook_delivery d
                        WHERE d.party_id = :party
                          AND (CAST(:endpoint AS varchar) IS NULL OR d.endpoint_id = :endpoint)
                          AND (CAST(:state AS varchar) IS NULL OR d.state = :state)
                        ORDER BY d.created_at DESC, d.id
                        LIMIT :limit OFFSET :offset
                        """)
                .param("party", party)
                .param("endpoint", endpointId, Types.VARCHAR)
                .param("state", state == null ? null : state.name(), Types.VARCHAR)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::mapDelivery)
                .list();
    }

    public Optional<Delivery> delivery(UUID party, String id) {
        return jdbc.sql(DELIVERY_COLUMNS
                        + " FROM notifications.webhook_delivery d WHERE d.party_id = :party AND d.id = :id")
                .param("party", party)
                .param("id", id)
                .query(this::mapDelivery)
                .optional();
    }

    public List<Attempt> attempts(UUID party, String deliveryId) {
        return jdbc.sql("""
                        SELECT a.delivery_id, a.attempt, a.attempted_at, a.status_code, a.latency_ms, a.error
                        FROM notifications.webhook_attempt a
                        JOIN notifications.webhook_delivery d ON d.id = a.delivery_id
                        WHERE d.party_id = :party AND a.delivery_id = :id
                        ORDER BY a.attempt
                        """)
                .param("party", party)
                .param("id", deliveryId)
                .query((rs, row) -> new Attempt(
                        rs.getString("delivery_id"),
                        rs.getInt("attempt"),
                        rs.getTimestamp("attempted_at").toInstant(),
                        rs.getObject("status_code", Integer.class),
                        rs.getLong("latency_ms"),
                        rs.getString("error")))
                .list();
    }

    public Optional<Instant> nextAttempt() {
        return jdbc.sql("SELECT min(next_attempt_at) FROM notifications.webhook_delivery WHERE state = 'PENDING'")
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)))
                .single()
                .map(Timestamp::toInstant);
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private StoredEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        return new StoredEndpoint(
                rs.getString("id"),
                rs.getObject("party_id", UUID.class),
                rs.getString("url"),
                json.readValue(rs.getString("event_types"), new TypeReference<List<String>>() {}),
                rs.getBoolean("active"),
                rs.getBytes("secret_box"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("secret_rotated_at").toInstant());
    }

    private Delivery mapDelivery(ResultSet rs, int row) throws SQLException {
        var next = rs.getTimestamp("next_attempt_at");
        return new Delivery(
                rs.getString("id"),
                rs.getString("endpoint_id"),
                rs.getObject("party_id", UUID.class),
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getString("body"),
                State.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                next == null ? null : next.toInstant(),
                rs.getTimestamp("give_up_at").toInstant(),
                rs.getString("replay_of"),
                rs.getTimestamp("created_at").toInstant());
    }
}
