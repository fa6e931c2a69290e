package io.offerdesk.support.fuzz;

import io.offerdesk.awsapi.internal.sigv4.TestSigning;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of one botocore model and, for each, a request built from its input shape, bound to HTTP as the
 * model's protocol says (JSON-RPC with {@code X-Amz-Target}, or restJson1 with path labels, query and headers), and
 * signed with SigV4 by {@link TestSigning}: plausible on the first try, malformed by {@link JsonMutations} on the
 * others.
 */
public final class BotocoreFuzzer {

    /** An access key pair of one caller. */
    public record Keys(String accessKeyId, String secretAccessKey) {}

    /** Values the models only describe in prose. */
    private static final Map<String, List<String>> KNOWN = Map.of(
            "catalog", List.of("AWSMarketplace"),
            "entitytype", List.of("Offer@1.0", "SaaSProduct@1.0", "ResaleAuthorization@1.0", "OfferSet@1.0"),
            "partytype", List.of("Proposer", "Acceptor"),
            "agreementtype", List.of("PurchaseAgreement"),
            "usagedimension", List.of("users", "requests"),
            "changetype", List.of("CreateOffer", "UpdateInformation", "ReleaseOffer"));

    private final String service;
    private final String endpointPath;
    private final JsonNode model;
    private final IdPool ids;
    /** Real time: a signature must be within five minutes of the server's real clock. */
    private final Clock realTime = Clock.systemUTC();

    public BotocoreFuzzer(String service, String endpointPath, JsonNode model, IdPool ids) {
        this.service = service;
        this.endpointPath = endpointPath;
        this.model = model;
        this.ids = ids;
    }

    public List<String> operations() {
        return List.copyOf(model.path("operations").propertyNames());
    }

    public String qualified(String operation) {
        return service + ":" + operation;
    }

    /** The signed request of one try. */
    public FuzzRun.Request request(String operation, int attempt, Keys keys, String host, Random random) {
        var definition = model.path("operations").path(operation);
        var inputShape = definition.at("/input/shape").asString("");
        JsonNode input =
                inputShape.isEmpty() ? BadValues.NODES.objectNode() : plausible(inputShape, inputShape, random, 0);
        var broken = attempt > 0;
        var protocol = model.at("/metadata/protocol").asString();
        var method = "POST";
        var path = endpointPath + "/";
        var query = new ArrayList<String>();
        var headers = new LinkedHashMap<String, String>();
        byte[] body;
        if (protocol.equals("rest-json")) {
            var http = definition.path("http");
            method = http.path("method").asString();
            var uri = http.path("requestUri").asString();
            var literalQuery = "";
            if (uri.contains("?")) {
                literalQuery = uri.substring(uri.indexOf('?') + 1);
                uri = uri.substring(0, uri.indexOf('?'));
            }
            if (broken) {
                input = mutated(input, random);
            }
            var bodyMembers = BadValues.NODES.objectNode();
            var members = model.at("/shapes/" + inputShape + "/members");
            if (input instanceof ObjectNode object) {
                for (var member : object.properties()) {
                    var binding = members.path(member.getKey());
                    var location = binding.path("location").asString("");
                    var wireName = binding.path("locationName").asString(member.getKey());
                    var value = member.getValue();
                    switch (location) {
                        case "uri" ->
                            uri = uri.replace("{" + wireName + "+}", text(value))
                                    .replace("{" + wireName + "}", UrlEncoding.encode(text(value)));
                        case "querystring" -> {
                            if (value.isArray()) {
                                value.values().forEach(v -> query.add(wireName + "=" + UrlEncoding.encode(text(v))));
                            } else {
                                query.add(wireName + "=" + UrlEncoding.encode(text(value)));
                            }
                        }
                        case "header", "headers" -> headers.put(wireName, asciiHeader(text(value)));
                        default -> bodyMembers.set(member.getKey(), value);
                    }
                }
            } else {
                // a mutation made the whole input another type: send it as the body
                bodyMembers = null;
            }
            if (broken && random.nextInt(4) == 0) {
                query.add(UrlEncoding.encode("unexpected") + "=" + UrlEncoding.badEncoded(random));
            }
            path = endpointPath
                    + uri.replaceAll(
                            "\\{[^}]*\\}", java.util.regex.Matcher.quoteReplacement(UrlEncoding.badEncoded(random)));
            if (!literalQuery.isEmpty()) {
                query.addFirst(literalQuery);
            }
            body = bodyMembers == null
                    ? JsonMutations.JSON.writeValueAsBytes(input)
                    : bodyMembers.isEmpty() && !method.equals("POST")
                            ? new byte[0]
                            : JsonMutations.JSON.writeValueAsBytes(bodyMembers);
            if (body.length > 0) {
                headers.put("Content-Type", "application/json");
            }
        } else {
            headers.put(
                    "X-Amz-Target",
                    broken && random.nextInt(8) == 0
                            ? UrlEncoding.badHeader(random)
                            : model.at("/metadata/targetPrefix").asString() + "." + operation);
            headers.put(
                    "Content-Type",
                    "application/x-amz-json-"
                            + model.at("/metadata/jsonVersion").asString("1.1"));
            body = broken ? JsonMutations.mutate(input, random) : JsonMutations.JSON.writeValueAsBytes(input);
        }
        var rawPath = path;
        var rawQuery = String.join("&", query);
        var signedAt = Instant.now(realTime);
        headers.put("X-Amz-Date", TestSigning.amzDate(signedAt));
        var signed = new LinkedHashMap<String, List<String>>();
        headers.forEach((name, value) -> signed.put(name, List.of(value)));
        signed.put("Host", List.of(host));
        headers.put(
                "Authorization",
                TestSigning.authorization(
                        method,
                        rawPath,
                        rawQuery,
                        signed,
                        body,
                        keys.accessKeyId(),
                        keys.secretAccessKey(),
                        "us-east-1",
                        signedAt));
        return new FuzzRun.Request(
                qualified(operation), method, rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery), headers, body);
    }

    private static JsonNode mutated(JsonNode input, Random random) {
        var body = input.deepCopy();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            body = JsonMutations.mutateOnce(body, random);
        }
        return body;
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asString() : value.toString();
    }

    private static String asciiHeader(String value) {
        var ascii = new StringBuilder();
        for (var c : value.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return ascii.length() > 6000 ? ascii.substring(0, 6000) : ascii.toString();
    }

    /** A value of the shape: structures with their required members and some optional ones. */
    JsonNode plausible(String shapeName, String memberName, Random random, int depth) {
        var shape = model.at("/shapes/" + shapeName);
        var lower = memberName.toLowerCase(Locale.ROOT);
        return switch (shape.path("type").asString("string")) {
            case "structure" -> {
                var object = BadValues.NODES.objectNode();
                if (depth > 5) {
                    yield object;
                }
                var required = new ArrayList<String>();
                shape.path("required").values().forEach(r -> required.add(r.asString()));
                for (var member : shape.path("members").properties()) {
                    if (required.contains(member.getKey()) || random.nextInt(10) < 5) {
                        object.set(
                                member.getKey(),
                                plausible(
                                        member.getValue().path("shape").asString(),
                                        member.getKey(),
                                        random,
                                        depth + 1));
                    }
                }
                yield object;
            }
            case "list" -> {
                var array = BadValues.NODES.arrayNode();
                if (depth <= 5) {
                    array.add(plausible(shape.at("/member/shape").asString(), memberName, random, depth + 1));
                }
                yield array;
            }
            case "map" ->
                BadValues.NODES
                        .objectNode()
                        .set("key", plausible(shape.at("/value/shape").asString(), memberName, random, depth + 1));
            case "integer", "long" -> {
                var minimum = shape.path("min").asLong(1);
                yield BadValues.NODES.numberNode(minimum + random.nextInt(5));
            }
            case "double", "float" -> BadValues.NODES.numberNode(1 + random.nextInt(100));
            case "boolean" -> BadValues.NODES.booleanNode(random.nextBoolean());
            case "timestamp" -> BadValues.NODES.numberNode(Instant.now(realTime).getEpochSecond());
            case "blob" -> BadValues.NODES.stringNode("ZnV6eg==");
            default -> {
                if (shape.path("enum").isArray() && !shape.path("enum").isEmpty()) {
                    var values = shape.path("enum");
                    yield values.get(random.nextInt(values.size()));
                }
                var known = KNOWN.get(lower);
                if (known != null) {
                    yield BadValues.NODES.stringNode(known.get(random.nextInt(known.size())));
                }
                var id = ids.pick(memberName, random).or(() -> ids.pick(shapeName, random));
                if (id.isPresent()) {
                    yield BadValues.NODES.stringNode(id.get());
                }
                yield BadValues.NODES.stringNode(
                        lower.endsWith("token")
                                ? "fuzz-token-" + random.nextInt(1000)
                                : "fuzz-" + random.nextInt(1000));
            }
        };
    }

    /** Keeps the ids of a successful answer for later tries. */
    public void harvest(String operation, String answer) {
        try {
            ids.harvest("/" + operation, JsonMutations.JSON.readTree(answer.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            // not JSON (an empty answer): nothing to keep
        }
    }
}
