package io.offerdesk.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The running application's REST API, called as the demo seller's offer author with a bearer API key unless a
 * scenario names another key: setup calls through the JDK's HTTP client, measured calls through one
 * {@link HttpConnection} per load generator client.
 */
final class OfferdeskApi {

    /** Fixed in demo mode (the app's DemoParties): the offer author of the seller Acme Analytics. */
    static final String DEMO_SELLER_API_KEY = "od_acmedemokeyaaaaa_demosecretdemosecretdemosecretdemosecret";

    /** Fixed in demo mode as well: procurement@globex.example of the buyer Globex Corporation. */
    static final String DEMO_BUYER_API_KEY = "od_globexdemokeyaaa_globexsecretglobexsecretglobexsecretglob";

    /** The demo operator's (operator@offerdesk.example), for the operator's calls of a job. */
    static final String OPERATOR_API_KEY = "od_operatordemokeya_operatorsecretoperatorsecretoperatorsecr";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final URI baseUrl;
    private final String host;
    private final InetSocketAddress server;

    OfferdeskApi(URI baseUrl) {
        this.baseUrl = baseUrl;
        this.host = baseUrl.getHost() + ":" + baseUrl.getPort();
        this.server = new InetSocketAddress(baseUrl.getHost(), baseUrl.getPort());
    }

    HttpRequest get(String path) {
        return get(path, DEMO_SELLER_API_KEY);
    }

    HttpRequest get(String path, String apiKey) {
        return authorized(path, apiKey).GET().build();
    }

    HttpRequest post(String path, String json, String idempotencyKey) {
        return post(DEMO_SELLER_API_KEY, path, json, idempotencyKey);
    }

    HttpRequest post(String apiKey, String path, String json, String idempotencyKey) {
        return authorized(path, apiKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    HttpRequest put(String apiKey, String path, String json) {
        return authorized(path, apiKey)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    HttpRequest delete(String apiKey, String path) {
        return authorized(path, apiKey).DELETE().build();
    }

    /**
     * The measured load of GET requests: each client has its own connection and sends one of the paths, picked at
     * random, per call; any status but {@code status} is an error.
     *
     * @param pathTemplate names the call in error counts, so that failures on different ids add up to one kind
     */
    Workload gets(String pathTemplate, List<String> paths, int status) {
        return gets(DEMO_SELLER_API_KEY, pathTemplate, paths, status);
    }

    Workload gets(String apiKey, String pathTemplate, List<String> paths, int status) {
        var requests = paths.stream()
                .map(path ->
                        HttpConnection.get(host, path, "Authorization: Bearer " + apiKey, "Accept: application/json"))
                .toArray(byte[][]::new);
        return () -> {
            var connection = connect();
            return new Workload.Caller() {
                @Override
                public void call() throws IOException {
                    var request = requests[ThreadLocalRandom.current().nextInt(requests.length)];
                    var answered = connection.exchange(request);
                    if (answered != status) {
                        throw new UnexpectedResponse("GET " + pathTemplate + " answered " + answered);
                    }
                }

                @Override
                public void close() throws IOException {
                    connection.close();
                }
            };
        };
    }

    /** A measured client's own connection, for a scenario that makes its own {@link Workload.Caller}. */
    HttpConnection connect() throws IOException {
        return new HttpConnection(server, TIMEOUT);
    }

    /** A measured GET as the seller's offer author, as bytes for {@link HttpConnection}. */
    byte[] measuredGet(String path) {
        return measuredGet(DEMO_SELLER_API_KEY, path);
    }

    /** A measured GET with another key. */
    byte[] measuredGet(String apiKey, String path) {
        return HttpConnection.get(host, path, "Authorization: Bearer " + apiKey, "Accept: application/json");
    }

    /** A measured POST of JSON as the seller's offer author, as bytes for {@link HttpConnection}. */
    byte[] measuredPost(String path, String json) {
        return measuredPost(DEMO_SELLER_API_KEY, path, json);
    }

    /** A measured POST of JSON with another key and any further headers ("Name: value"). */
    byte[] measuredPost(String apiKey, String path, String json, String... headers) {
        var all = new String[headers.length + 2];
        all[0] = "Authorization: Bearer " + apiKey;
        all[1] = "Accept: application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return HttpConnection.post(host, path, json, all);
    }

    /** Sends a setup call and returns the body of its answer, which must have the given status. */
    String exchange(HttpRequest request, int status) throws IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new UnexpectedResponse("%s %s answered %d, expected %d: %s"
                    .formatted(
                            request.method(), request.uri().getPath(), response.statusCode(), status, response.body()));
        }
        return response.body();
    }

    private HttpRequest.Builder authorized(String path, String apiKey) {
        return HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
    }

    /**
     * The first string member of that name in a measured answer, found without parsing, e.g. with
     * {@code "\"status\":\""}: for members that come before any nested object that could hold one of the same name.
     */
    static String member(String json, String quotedNameColonQuote) throws UnexpectedResponse {
        var start = json.indexOf(quotedNameColonQuote);
        var end = start < 0 ? -1 : json.indexOf('"', start + quotedNameColonQuote.length());
        if (end < 0) {
            throw new UnexpectedResponse("no " + quotedNameColonQuote + "…\" in the answer");
        }
        return json.substring(start + quotedNameColonQuote.length(), end);
    }

    /** The application answered, but not as the scenario expects. */
    static final class UnexpectedResponse extends IOException {
        UnexpectedResponse(String message) {
            super(message);
        }
    }
}
