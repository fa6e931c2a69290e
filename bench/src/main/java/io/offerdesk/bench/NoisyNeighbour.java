package io.offerdesk.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * A noisy tenant must not slow the others (issue #11, item 5): tenant B's reads, at a steady rate well within its
 * allowance, measured alone and then while tenant A floods the API far beyond its own, with per-tenant rate limits on.
 * B's p99 under the flood should stay within twice its p99 alone; A's share of 429 answers shows the limit at work.
 *
 * <p>bench/run starts the app with rate limits on but a deployment-wide allowance no scenario reaches (so that the
 * capacity scenarios measure capacity); this probe gives both of its tenants the allowance a deployment has by
 * default ({@value #PER_MINUTE} requests a minute, bursts of {@value #BURST}) through the operator's API
 * ({@code PUT /api/v1/rate-limits/{partyId}}), and takes it away again when it is done. Tenant A is the demo seller
 * Acme (its offer author's key), B the buyer Globex (its procurement user's key); both call {@code GET
 * /api/v1/parties/me}, the cheapest authenticated read, so A's flood is as many requests as the clients can send.
 */
final class NoisyNeighbour implements Probe {

    static final long PER_MINUTE = 12_000;
    static final long BURST = 2_000;

    /** B's steady rate: a quarter of its allowance. */
    private static final double B_RATE = 50;

    private static final int B_CLIENTS = 4;
    private static final double MAX_P99_RATIO = 2;
    private static final String PATH = "/api/v1/parties/me";
    private static final String LIMITS = "/api/v1/rate-limits/";

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public String name() {
        return "noisy-neighbour";
    }

    @Override
    public String description() {
        return "tenant B's read p99 alone and while tenant A floods far beyond its rate limit (limits on)";
    }

    @Override
    public Result run(Scenario.Fixture fixture) throws Exception {
        var api = fixture.api();
        var options = fixture.options();
        var a = partyId(api, OfferdeskApi.DEMO_SELLER_API_KEY);
        var b = partyId(api, OfferdeskApi.DEMO_BUYER_API_KEY);
        limit(api, a);
        limit(api, b);
        try {
            var reads = api.gets(OfferdeskApi.DEMO_BUYER_API_KEY, PATH, List.of(PATH), 200);
            var bLoad = new LoadGenerator(B_CLIENTS);
            var alone = bLoad.paced("noisy-neighbour B alone", reads, B_RATE, options.shortWarmUp(), options.window());
            var ok = new AtomicLong();
            var refused = new AtomicLong();
            var flood = flood(api, ok, refused);
            var aLoad = new LoadGenerator(options.concurrency());
            Measurement flooded;
            Measurement aMeasured;
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                // A floods for the whole of B's measurement, warm-up included.
                var aRun = executor.submit(() -> aLoad.run(
                        "noisy-neighbour A",
                        flood,
                        Duration.ZERO,
                        options.shortWarmUp().plus(options.window())));
                flooded = bLoad.paced(
                        "noisy-neighbour B flooded", reads, B_RATE, options.shortWarmUp(), options.window());
                aMeasured = aRun.get();
            }
            return result(alone, flooded, aMeasured, ok.get(), refused.get());
        } finally {
            unlimit(api, a);
            unlimit(api, b);
        }
    }

    /** A's calls: 200 and 429 are both answers of a working app; anything else is an error. */
    private static Workload flood(OfferdeskApi api, AtomicLong ok, AtomicLong refused) {
        var request = api.measuredGet(OfferdeskApi.DEMO_SELLER_API_KEY, PATH);
        return () -> {
            var connection = api.connect();
            return new Workload.Caller() {
                @Override
                public void call() throws IOException {
                    switch (connection.exchange(request)) {
                        case 200 -> ok.incrementAndGet();
                        case 429 -> refused.incrementAndGet();
                        default ->
                            throw new OfferdeskApi.UnexpectedResponse("GET " + PATH + " as A answered otherwise");
                    }
                }

                @Override
                public void close() throws IOException {
                    connection.close();
                }
            };
        };
    }

    private Result result(Measurement alone, Measurement flooded, Measurement a, long ok, long refused) {
        var p99Alone = alone.percentileMillis(99);
        var p99Flooded = flooded.percentileMillis(99);
        var ratio = p99Flooded / p99Alone;
        var aCalls = ok + refused;
        var refusedShare = aCalls == 0 ? Double.NaN : (double) refused / aCalls;
        var valid = alone.errors() == 0 && flooded.errors() == 0 && a.errors() == 0;
        Bench.progress(
                "noisy-neighbour: B p99 %.2f ms alone, %.2f ms flooded (%.2fx); A %,.0f calls/s, %.1f%% answered 429",
                p99Alone, p99Flooded, ratio, aCalls / (a.window().toNanos() / 1e9), 100 * refusedShare);
        var bRate = "B at %.0f reads/s".formatted(B_RATE);
        return new Result(
                List.of(
                        Summary.Line.of(
                                "noisy-neighbour B alone",
                                format(
                                        "%s: p50 %.2f ms, p99 %.2f ms%s",
                                        bRate, alone.percentileMillis(50), p99Alone, errors(alone)),
                                "",
                                "",
                                null),
                        Summary.Line.of(
                                "noisy-neighbour B flooded",
                                format(
                                        "%s while A floods: p50 %.2f ms, p99 %.2f ms%s",
                                        bRate, flooded.percentileMillis(50), p99Flooded, errors(flooded)),
                                format("%.2f× B's p99 alone", ratio),
                                format("p99 at most %.0f× B's alone", MAX_P99_RATIO),
                                valid && ratio <= MAX_P99_RATIO),
                        Summary.Line.of(
                                "noisy-neighbour A",
                                format(
                                        "%,.0f calls/s from %d clients, %.1f%% answered 429 (allowance %,d/min, burst"
                                                + " %,d)%s",
                                        aCalls / (a.window().toNanos() / 1e9),
                                        a.concurrency(),
                                        100 * refusedShare,
                                        PER_MINUTE,
                                        BURST,
                                        errors(a)),
                                "",
                                "",
                                null)),
                valid);
    }

    private String partyId(OfferdeskApi api, String apiKey) throws IOException, InterruptedException {
        return json.readTree(api.exchange(api.get(PATH, apiKey), 200))
                .path("id")
                .asString();
    }

    private static void limit(OfferdeskApi api, String partyId) throws IOException, InterruptedException {
        api.exchange(
                api.put(
                        OfferdeskApi.OPERATOR_API_KEY,
                        LIMITS + partyId,
                        "{\"requestsPerMinute\":%d,\"burst\":%d}".formatted(PER_MINUTE, BURST)),
                200);
    }

    private static void unlimit(OfferdeskApi api, String partyId) throws IOException, InterruptedException {
        api.exchange(api.delete(OfferdeskApi.OPERATOR_API_KEY, LIMITS + partyId), 204);
    }

    private static String errors(Measurement measurement) {
        return measurement.errors() == 0 ? "" : format(", %,d errors", measurement.errors());
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
