package io.offerdesk.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Webhook events at {@value #EVENTS_PER_SECOND}/s, delivered to a receiver inside the harness: the latency from an
 * event's commit to its first delivery attempt arriving, and the event rate the app achieved.
 *
 * <p>The events are replays ({@code POST /api/v1/webhooks/deliveries/{id}/replay}, as Acme's administrator) of the
 * delivery of one real {@code offer.released} event, which the setup makes by releasing an offer through the API and
 * which reaches the receiver through the real path (the event outbox, the webhook listener, the delivery queue). A
 * replay is the cheapest real action that queues a webhook delivery: it inserts a new pending delivery in its
 * transaction and, after commit, the app's sender claims it ({@code SKIP LOCKED}), signs it and posts it, as for every
 * event. Every other action that emits a webhook event (releasing an offer, accepting an agreement, issuing an
 * invoice) costs ten to a hundred times more than a delivery, so at 500/s on two cores the number would measure that
 * action, not delivery. What a replay skips is the module listener that turns a domain event into deliveries.
 *
 * <p>Latency counts from the moment the replay request was sent, which is before its transaction committed: an upper
 * bound of commit to first attempt, by at most the replay request's own time. Requests are sent in an open loop at the
 * target rate (as {@link LoadGenerator#paced}), so a slow app shows as latency, and as a lower achieved rate when the
 * clients cannot send on time.
 */
final class WebhookDelivery implements Probe {

    static final int EVENTS_PER_SECOND = 500;

    private static final Duration P99_TARGET = Duration.ofSeconds(2);

    /**
     * Replays in flight at most: each client's calls are due 32 ms apart at 500/s. No more than the app's connection
     * pool (20): a replay's thread holds its connection while it sends after commit and takes a second one for the
     * sender's transactions, so more concurrent replays than connections starve the pool (see bench/README.md).
     */
    private static final int CLIENTS = 16;

    /** How long deliveries still owed after the window may take before they count as lost. */
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private static final Duration FIRST_EVENT_DEADLINE = Duration.ofSeconds(60);
    private static final String HOOK = "/hook";
    private static final String DELIVERY_ID = "Offerdesk-Delivery-Id";

    /**
     * An API key of Acme's administrator, inserted in SQL as the demo registers its fixed keys: only a party's
     * administrators manage webhooks, and the demo has no key of one.
     */
    private static final String ADMIN_KEY_ID = "benchwebhookadmn";

    private static final String ADMIN_SECRET = "benchwebhookadminsecret" + "a".repeat(17);
    static final String ADMIN_API_KEY = "od_" + ADMIN_KEY_ID + "_" + ADMIN_SECRET;

    private static final String ADD_ADMIN_KEY = """
            INSERT INTO parties.api_key (id, user_id, party_id, name, secret_hash, created_at)
            SELECT ?, id, party_id, 'bench webhooks', ?, now() FROM parties.app_user
            WHERE lower(email) = 'admin@acme.example'
            ON CONFLICT (id) DO NOTHING""";

    private static final String ID = "\"id\":\"";

    @Override
    public String name() {
        return "webhook-delivery";
    }

    @Override
    public String description() {
        return "webhook events at %d/s (replays of a real offer.released delivery), commit to first attempt at a receiver in the harness"
                .formatted(EVENTS_PER_SECOND);
    }

    @Override
    public Result run(Scenario.Fixture fixture) throws Exception {
        var api = fixture.api();
        var options = fixture.options();
        addAdminKey(fixture.database());
        var arrivals = new ConcurrentHashMap<String, Long>();
        var receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext(HOOK, exchange -> {
            var arrived = System.nanoTime();
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                var id = exchange.getRequestHeaders().getFirst(DELIVERY_ID);
                if (id != null) {
                    arrivals.putIfAbsent(id, arrived);
                }
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        try {
            var url = "http://127.0.0.1:%d%s".formatted(receiver.getAddress().getPort(), HOOK);
            api.exchange(
                    api.post(
                            ADMIN_API_KEY,
                            "/api/v1/webhooks/endpoints",
                            "{\"url\":\"%s\",\"eventTypes\":[\"offer.released\"],\"active\":true}".formatted(url),
                            UUID.randomUUID().toString()),
                    201);
            var original = firstRealDelivery(api, arrivals);
            Bench.progress("webhook-delivery: the offer.released event of a released offer reached the receiver");
            var replay = api.measuredPost(ADMIN_API_KEY, "/api/v1/webhooks/deliveries/" + original + "/replay", "");
            var load = new LoadGenerator(CLIENTS);
            var sent = new ConcurrentHashMap<String, Long>();
            // Unmeasured: the app's delivery path warms up; then what it sent is forgotten.
            load.paced(name(), workload(api, replay, sent), EVENTS_PER_SECOND, Duration.ZERO, options.shortWarmUp());
            drain(sent, arrivals);
            sent.clear();
            arrivals.clear();
            var measured =
                    load.paced(name(), workload(api, replay, sent), EVENTS_PER_SECOND, Duration.ZERO, options.window());
            drain(sent, arrivals);
            return result(measured, sent, arrivals);
        } finally {
            receiver.stop(0);
        }
    }

    private static void addAdminKey(PostgresBaselines database) throws IOException {
        try (var connection = database.connect();
                var insert = connection.prepareStatement(ADD_ADMIN_KEY)) {
            insert.setString(1, ADMIN_KEY_ID);
            insert.setString(2, sha256(ADMIN_SECRET));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("adding an API key of Acme's administrator: " + e.getMessage(), e);
        }
    }

    /** Releases an offer, whose offer.released event goes the real way, and returns its delivery's id. */
    private static String firstRealDelivery(OfferdeskApi api, Map<String, Long> arrivals)
            throws IOException, InterruptedException {
        PrivateOffers.of(api).release(PrivateOffers.someoneElsesAccount());
        var deadline = System.nanoTime() + FIRST_EVENT_DEADLINE.toNanos();
        while (arrivals.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("no offer.released delivery reached the receiver in %ds"
                        .formatted(FIRST_EVENT_DEADLINE.toSeconds()));
            }
            Thread.sleep(100);
        }
        return arrivals.keySet().iterator().next();
    }

    /** Each call replays the delivery once and notes when its request went out, by the new delivery's id. */
    private static Workload workload(OfferdeskApi api, byte[] replay, Map<String, Long> sent) {
        return () -> {
            var connection = api.connect();
            return new Workload.Caller() {
                @Override
                public void call() throws IOException {
                    var at = System.nanoTime();
                    var answer = connection.exchangeForAnswer(replay);
                    if (answer.status() != 201) {
                        throw new OfferdeskApi.UnexpectedResponse(
                                "POST /api/v1/webhooks/deliveries/{id}/replay answered " + answer.status());
                    }
                    sent.put(OfferdeskApi.member(answer.body(), ID), at);
                }

                @Override
                public void close() throws IOException {
                    connection.close();
                }
            };
        };
    }

    /** Waits until every event sent has arrived, or {@link #DRAIN} has passed. */
    private static void drain(Map<String, Long> sent, Map<String, Long> arrivals) throws InterruptedException {
        var deadline = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < deadline && !arrivals.keySet().containsAll(sent.keySet())) {
            Thread.sleep(100);
        }
    }

    private Result result(Measurement measured, Map<String, Long> sent, Map<String, Long> arrivals) {
        var latencies = new Histogram(TimeUnit.MINUTES.toNanos(2), 3);
        long lost = 0;
        for (var event : sent.entrySet()) {
            var arrived = arrivals.get(event.getKey());
            if (arrived == null) {
                lost++;
            } else {
                latencies.recordValue(
                        Math.max(0, Math.min(arrived - event.getValue(), latencies.getHighestTrackableValue())));
            }
        }
        var rate = sent.size() / (measured.window().toNanos() / 1e9);
        var p50 = latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(50) / 1e6;
        var p99 = latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(99) / 1e6;
        var valid = measured.errors() == 0;
        var met = valid && lost == 0 && rate >= 0.95 * EVENTS_PER_SECOND && p99 < P99_TARGET.toMillis();
        Bench.progress(
                "webhook-delivery: %,d events in %ds (%,.0f/s of %d/s sent), p50 %.1f ms, p99 %.1f ms, %d not delivered"
                        + " in %ds, %d failed replays %s",
                sent.size(),
                measured.window().toSeconds(),
                rate,
                EVENTS_PER_SECOND,
                p50,
                p99,
                lost,
                DRAIN.toSeconds(),
                measured.errors(),
                measured.errorsByKind());
        var line = Summary.Line.of(
                name(),
                String.format(
                        Locale.ROOT,
                        "%,.0f events/s achieved of %d/s sent; commit to first attempt p50 %.1f ms, p99 %.1f ms; %d"
                                + " not delivered%s",
                        rate,
                        EVENTS_PER_SECOND,
                        p50,
                        p99,
                        lost,
                        measured.errors() > 0 ? ", %d failed replays".formatted(measured.errors()) : ""),
                "",
                "p99 below %d s at %d events/s".formatted(P99_TARGET.toSeconds(), EVENTS_PER_SECOND),
                met);
        return new Result(List.of(line), valid);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
