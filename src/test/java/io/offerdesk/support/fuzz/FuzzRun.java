package io.offerdesk.support.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Sends the fuzzer's requests one at a time and checks the two properties on each answer: no 5xx but a deliberate
 * 503, and a refused (non-2xx) request changed no table ({@link DatabaseFingerprint}). It tallies statuses per
 * operation and keeps every violation with the request that caused it.
 */
public final class FuzzRun {

    /** A request as sent: {@code rawPathAndQuery} is already percent-encoded. */
    public record Request(
            String operation, String method, String rawPathAndQuery, Map<String, String> headers, byte[] body) {

        String describe() {
            var text = new String(body, StandardCharsets.UTF_8);
            var shown = text.length() > 600 ? text.substring(0, 600) + "…(" + text.length() + " chars)" : text;
            var path = rawPathAndQuery.length() > 300 ? rawPathAndQuery.substring(0, 300) + "…" : rawPathAndQuery;
            return method + " " + path + " " + headers.keySet() + " " + shown;
        }
    }

    /** An answer: the status (-1 when the connection failed), its content type and body. */
    public record Answer(int status, String contentType, String body) {

        public boolean successful() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return contentType.contains("json") && !body.isBlank()
                        ? JsonMutations.JSON.readTree(body)
                        : BadValues.NODES.nullNode();
            } catch (RuntimeException e) {
                return BadValues.NODES.nullNode();
            }
        }
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final DatabaseFingerprint fingerprint;
    private final JdbcClient jdbc;
    private final long openPublications;
    private Map<String, String> last;

    private final Map<String, Map<Integer, Integer>> statusesByOperation = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private int requests;

    public FuzzRun(String baseUrl, JdbcClient jdbc) {
        this.baseUrl = baseUrl;
        this.jdbc = jdbc;
        this.fingerprint = new DatabaseFingerprint(jdbc);
        this.openPublications = openPublications();
        this.last = fingerprint.take();
    }

    /** Sends the request, checks the properties on its answer, and returns the answer. */
    public Answer send(Request request) {
        requests++;
        var answer = exchange(request);
        statusesByOperation
                .computeIfAbsent(request.operation(), o -> new TreeMap<>())
                .merge(answer.status(), 1, Integer::sum);
        if (answer.status() >= 500 && answer.status() != 503) {
            violations.add("status " + answer.status() + " for " + request.describe() + "\n  answer: "
                    + abbreviate(answer.body()));
        }
        if (answer.successful()) {
            last = SAFE_METHODS.contains(request.method()) ? fingerprint.take() : settled();
        } else {
            var now = fingerprint.take();
            var changed = DatabaseFingerprint.changed(last, now);
            if (!changed.isEmpty()) {
                violations.add("partial write: status " + answer.status() + " but " + changed + " changed, for "
                        + request.describe() + "\n  answer: " + abbreviate(answer.body()));
            }
            last = now;
        }
        return answer;
    }

    private Answer exchange(Request request) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + request.rawPathAndQuery()))
                .timeout(Duration.ofSeconds(60))
                .method(
                        request.method(),
                        request.body().length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            violations.add("no answer (" + e + ") for " + request.describe());
            return new Answer(-1, "", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The fingerprint once what a successful request set going has finished: its event listeners and asynchronous work
     * (a change set's processing), so that their writes are not charged to the next request. Settled means two
     * fingerprints a moment apart are equal (or three seconds have passed).
     */
    private Map<String, String> settled() {
        awaitOutbox();
        var previous = fingerprint.take();
        for (int i = 0; i < 30; i++) {
            pause();
            var now = fingerprint.take();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitOutbox() {
        for (int i = 0; i < 200 && openPublications() > openPublications; i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private long openPublications() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class)
                .single();
    }

    public int requests() {
        return requests;
    }

    public List<String> violations() {
        return violations;
    }

    /** Answers per status over all operations. */
    public Map<Integer, Integer> statuses() {
        var totals = new TreeMap<Integer, Integer>();
        statusesByOperation.values().forEach(s -> s.forEach((status, n) -> totals.merge(status, n, Integer::sum)));
        return totals;
    }

    /** A summary: requests, operations, statuses, and each operation's statuses. */
    public String report() {
        var lines = new LinkedHashMap<String, String>();
        statusesByOperation.forEach((operation, statuses) -> lines.put(operation, statuses.toString()));
        return "requests=" + requests + " operations=" + statusesByOperation.size() + " statuses=" + statuses()
                + " violations=" + violations.size() + "\n"
                + lines.entrySet().stream()
                        .map(e -> "  " + e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
