package io.offerdesk.support;

import io.offerdesk.parties.KeyManagement;
import io.offerdesk.platform.PrincipalSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP client for the running application. {@link #keyOf(String)} issues (once per test JVM) a real API key for
 * a demo user through the keys module, so tests can call the API as any demo role.
 */
@TestComponent
public class TestApi {

    /** A response: status, headers, body text, and the body as JSON when it is JSON. */
    public record Reply(int status, String contentType, String body, JsonNode json) {}

    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final PrincipalSource principals;
    private final KeyManagement keys;
    private final Environment environment;

    TestApi(PrincipalSource principals, KeyManagement keys, Environment environment) {
        this.principals = principals;
        this.keys = keys;
        this.environment = environment;
    }

    /**
     * A client of another node of the same application on the same database (see {@code platform.ThreeNodeTests}):
     * API keys issued here work there too.
     */
    public TestApi at(ConfigurableApplicationContext node) {
        return new TestApi(principals, keys, node.getEnvironment());
    }

    /** The server's port is known only once it has started, after this bean was made. */
    public String baseUrl() {
        return "http://localhost:" + environment.getRequiredProperty("local.server.port");
    }

    public String keyOf(String email) {
        return KEYS.computeIfAbsent(email, e -> {
            var principal = principals.findLogin(e).orElseThrow().principal();
            return keys.issueApiKey(principal, principal.userId(), "tests").token();
        });
    }

    /**
     * Waits, as a client polls, until the change set that {@code started} answered with is final, and returns it. The
     * start itself must have been accepted (202).
     */
    public JsonNode finishedChangeSet(String email, Reply started) {
        if (started.status() != 202) {
            throw new AssertionError("the change set was not started: " + started.status() + " " + started.body());
        }
        var id = started.json().at("/changeSetId").asString();
        return Polls.poll("change set " + id + " to finish", Duration.ofMillis(20), Duration.ofMinutes(1))
                .until(
                        () -> get("/api/v1/change-sets/" + id, email).json(),
                        read -> List.of("SUCCEEDED", "FAILED", "CANCELLED")
                                .contains(read.at("/status").asString()));
    }

    public Reply get(String path, String email) {
        return send(request(path, email).GET());
    }

    public Reply post(String path, String email, String body) {
        return send(request(path, email)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply put(String path, String email, String body) {
        return send(request(path, email)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a file as the {@code file} part of a multipart form, as a browser's or a client's upload does. */
    public Reply upload(String path, String email, String fileName, String contentType, byte[] content) {
        var boundary = "----offerdesk" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path, email)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Reply delete(String path, String email) {
        return send(request(path, email).DELETE());
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var type = response.headers().firstValue("Content-Type").orElse("");
            var body = response.body();
            var parsed = type.contains("json") && !body.isBlank() ? json.readTree(body) : json.nullNode();
            return new Reply(response.statusCode(), type, body, parsed);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String email) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (email != null) {
            builder.header("Authorization", "Bearer " + keyOf(email));
        }
        return builder;
    }
}
