package io.offerdesk.platform.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client that retries a request in doubt under the same {@code Idempotency-Key} until it gets a definitive answer:
 * in doubt is a request whose connection failed (refused, reset, timed out: the app may have died before or after the
 * effect), a 5xx (the filter releases the key of a request that failed on the server), a 409 "in progress" (another
 * attempt under the key holds it — or held it when its node died) and a 423 (the subscription is locked by an attempt
 * still running). Anything else is the answer. A request the app has answered "in progress" for longer than the retry
 * window is given up and reported as {@link Outcome#abandoned()}: with claims that never expire, a key held by a
 * killed node stays "in progress" for 24 hours, so the window must be longer than the claim lease for every request to
 * end definitively. While the app is down (refused connections, 5xx) the client retries without counting against the
 * window, for at most {@link #DOWN_AT_MOST}.
 */
public final class InDoubtClient {

    /**
     * The answer, or none when the request was abandoned in doubt; {@code attempts} counts the sends. An abandoned
     * request's {@code body} says what its last send saw (an answer in doubt or a connection failure), for the report.
     */
    public record Outcome(int status, @Nullable JsonNode json, String body, int attempts) {

        public boolean abandoned() {
            return status == 0;
        }

        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A bound on retrying a request the app does not answer at all, so that a harness that broke it ends. */
    static final Duration DOWN_AT_MOST = Duration.ofMinutes(5);

    private final String baseUrl;
    private final Duration retryWindow;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    /** Sends that were retries of a request in doubt, over all requests. */
    public final AtomicLong retries = new AtomicLong();

    public InDoubtClient(String baseUrl, Duration retryWindow) {
        this.baseUrl = baseUrl;
        this.retryWindow = retryWindow;
    }

    public Outcome post(String apiKey, String path, String body, String idempotencyKey) throws InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return untilDefinitive(request);
    }

    public Outcome put(String apiKey, String path, String body) throws InterruptedException {
        return untilDefinitive(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Outcome get(String apiKey, String path) throws InterruptedException {
        return untilDefinitive(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .GET()
                .build());
    }

    private Outcome untilDefinitive(HttpRequest request) throws InterruptedException {
        var started = System.nanoTime();
        long stuckSince = 0;
        var attempts = 0;
        var pause = 100L;
        var lastSeen = "nothing";
        while (true) {
            attempts++;
            if (attempts > 1) {
                retries.incrementAndGet();
            }
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                var status = response.statusCode();
                if (status == 409 && response.body().contains("idempotencyKey.inProgress")) {
                    if (stuckSince == 0) {
                        stuckSince = System.nanoTime();
                    }
                    lastSeen = "409 in progress";
                } else if (!inDoubt(status)) {
                    var json = response.headers()
                                            .firstValue("Content-Type")
                                            .orElse("")
                                            .contains("json")
                                    && !response.body().isBlank()
                            ? JSON.readTree(response.body())
                            : null;
                    return new Outcome(status, json, response.body(), attempts);
                } else {
                    lastSeen = status + " " + response.body();
                }
            } catch (IOException connectionFailed) {
                // Refused while the app restarts, or cut off when it died: in doubt.
                lastSeen = connectionFailed.toString();
            }
            var now = System.nanoTime();
            if ((stuckSince != 0 && now - stuckSince > retryWindow.toNanos())
                    || now - started > DOWN_AT_MOST.toNanos()) {
                return new Outcome(0, null, "last send: " + lastSeen, attempts);
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 1000);
        }
    }

    private static boolean inDoubt(int status) {
        return status >= 500 || status == 423;
    }
}
