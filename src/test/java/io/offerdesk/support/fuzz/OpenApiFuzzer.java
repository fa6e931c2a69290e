package io.offerdesk.support.fuzz;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST operations of the application's own OpenAPI document ({@code /v3/api-docs}), and for each a plausible
 * request built from its schemas (known ids of the caller where a parameter or field names one) or a malformed one:
 * a bad path id, query value or header, or a mutated body ({@link JsonMutations}).
 */
public final class OpenApiFuzzer {

    /** One operation of the document. */
    public record Operation(String method, String path, JsonNode definition) {

        public String name() {
            return method + " " + path;
        }
    }

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode document;
    private final IdPool ids;
    private final LocalDate today;
    private final Predicate<Operation> neverValid;

    /**
     * @param neverValid the operations that may only be sent malformed (those that would move the shared clock or
     *     change what other tests rely on)
     */
    public OpenApiFuzzer(JsonNode document, IdPool ids, LocalDate today, Predicate<Operation> neverValid) {
        this.document = document;
        this.ids = ids;
        this.today = today;
        this.neverValid = neverValid;
    }

    /**
     * Every operation, collections before their members ({@code /offers} before {@code /offers/{offerId}}) and
     * creation before reading and changing, so ids made by one are known to the next.
     */
    public List<Operation> operations() {
        var operations = new ArrayList<Operation>();
        for (var path : document.at("/paths").properties()) {
            for (var method : METHODS) {
                var definition = path.getValue().get(method);
                if (definition != null) {
                    operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), definition));
                }
            }
        }
        operations.sort(java.util.Comparator.comparing((Operation o) -> o.path().split("/").length)
                .thenComparing(Operation::path)
                .thenComparing(o -> METHODS.indexOf(o.method().toLowerCase(Locale.ROOT)) == 1 ? 0 : 1)
                .thenComparing(o -> o.method().equals("DELETE") ? 1 : 0)
                .thenComparing(Operation::method));
        return operations;
    }

    /**
     * The request of one try: the first try of an operation that may be valid is plausible throughout; every other try
     * breaks one part of it.
     */
    public FuzzRun.Request request(Operation operation, int attempt, @Nullable String bearer, Random random) {
        var plausible = attempt == 0 && !neverValid.test(operation);
        var broken = plausible ? -1 : random.nextInt(10);
        var path = new StringBuilder();
        for (var segment : operation.path().split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            path.append('/');
            if (segment.startsWith("{")) {
                var name = segment.substring(1, segment.length() - 1);
                var schema = parameterSchema(operation, name);
                path.append(
                        broken == 0 || broken == 1 && random.nextBoolean()
                                ? UrlEncoding.badEncoded(random)
                                : UrlEncoding.encode(plausibleString(name, schema, random)));
            } else {
                path.append(segment);
            }
        }
        var query = new ArrayList<String>();
        var headers = new LinkedHashMap<String, String>();
        for (var parameter : operation.definition().path("parameters").values()) {
            var in = parameter.path("in").asString();
            var name = parameter.path("name").asString();
            var required = parameter.path("required").asBoolean(false);
            var schema = resolve(parameter.path("schema"));
            if (in.equals("query") && (required || random.nextInt(3) > 0 || broken == 2)) {
                var value = broken == 2 && random.nextInt(3) > 0
                        ? UrlEncoding.badEncoded(random)
                        : UrlEncoding.encode(plausibleString(name, schema, random));
                if (!(broken == 2 && random.nextInt(6) == 0)) {
                    query.add(UrlEncoding.encode(name) + "=" + value);
                }
            } else if (in.equals("header")) {
                headers.put(
                        name,
                        broken == 3
                                ? UrlEncoding.badHeader(random)
                                : UUID.randomUUID().toString());
            }
        }
        if (broken == 2 && random.nextBoolean()) {
            query.add("unexpected=" + UrlEncoding.badEncoded(random));
        }
        if (broken == 3) {
            headers.put(
                    List.of("Accept-Language", "Accept", "Idempotency-Key", "If-None-Match", "X-Forwarded-For")
                            .get(random.nextInt(5)),
                    UrlEncoding.badHeader(random));
        }
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        var body = new byte[0];
        var content = operation.definition().at("/requestBody/content");
        if (content.isObject() && !content.isEmpty()) {
            var mediaType = content.propertyNames().iterator().next();
            var schema = resolve(content.path(mediaType).path("schema"));
            var good = plausible(schema, "", random, 0);
            if (!mediaType.contains("json")) {
                body = (broken < 0
                                ? (good.isString() ? good.asString() : good.toString())
                                : BadValues.draw(BadValues.strings(), random))
                        .getBytes(StandardCharsets.UTF_8);
            } else if (broken >= 4) {
                body = JsonMutations.mutate(good, random);
            } else {
                body = JsonMutations.JSON.writeValueAsBytes(good);
            }
            headers.put(
                    "Content-Type",
                    broken == 9
                            ? List.of("text/plain", "application/xml", "application/json; charset=ebcdic")
                                    .get(random.nextInt(3))
                            : mediaType);
        } else if (broken >= 7) {
            // an operation without a body gets one it did not ask for
            body = JsonMutations.mutate(BadValues.NODES.objectNode().put("unexpected", "x"), random);
            headers.put("Content-Type", "application/json");
        }
        var rawQuery = query.isEmpty() ? "" : "?" + String.join("&", query);
        return new FuzzRun.Request(operation.name(), operation.method(), path + rawQuery, headers, body);
    }

    private JsonNode parameterSchema(Operation operation, String name) {
        for (var parameter : operation.definition().path("parameters").values()) {
            if (parameter.path("name").asString().equals(name)) {
                return resolve(parameter.path("schema"));
            }
        }
        return BadValues.NODES.objectNode().put("type", "string");
    }

    private String plausibleString(String name, JsonNode schema, Random random) {
        var value = plausible(schema, name, random, 0);
        return value.isValueNode() ? value.asString() : value.toString();
    }

    private JsonNode resolve(JsonNode schema) {
        var reference = schema.path("$ref").asString("");
        if (reference.startsWith("#/")) {
            return resolve(document.at(reference.substring(1)));
        }
        return schema;
    }

    /** A value the schema describes, with a known id where the name says it is one. */
    JsonNode plausible(JsonNode schemaOrReference, String name, Random random, int depth) {
        var schema = resolve(schemaOrReference);
        for (var alternatives : List.of("oneOf", "anyOf")) {
            if (schema.path(alternatives).isArray()
                    && !schema.path(alternatives).isEmpty()) {
                var options = schema.path(alternatives);
                return plausible(options.get(random.nextInt(options.size())), name, random, depth);
            }
        }
        if (schema.path("allOf").isArray()) {
            var merged = BadValues.NODES.objectNode();
            for (var part : schema.path("allOf").values()) {
                var value = plausible(part, name, random, depth);
                if (value instanceof ObjectNode object) {
                    merged.setAll(object);
                }
            }
            return merged;
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            var values = schema.path("enum");
            return values.get(random.nextInt(values.size()));
        }
        var type = type(schema);
        return switch (type) {
            case "object" -> {
                var object = BadValues.NODES.objectNode();
                if (depth > 6) {
                    yield object;
                }
                var required = new ArrayList<String>();
                schema.path("required").values().forEach(r -> required.add(r.asString()));
                for (var property : schema.path("properties").properties()) {
                    if (required.contains(property.getKey()) || random.nextInt(10) < 6) {
                        object.set(
                                property.getKey(),
                                plausible(property.getValue(), property.getKey(), random, depth + 1));
                    }
                }
                if (schema.path("additionalProperties").isObject() && random.nextBoolean()) {
                    object.set("key", plausible(schema.path("additionalProperties"), "key", random, depth + 1));
                }
                yield object;
            }
            case "array" -> {
                var array = BadValues.NODES.arrayNode();
                if (depth <= 6) {
                    for (int i = 0; i < 1 + random.nextInt(2); i++) {
                        array.add(plausible(schema.path("items"), singular(name), random, depth + 1));
                    }
                }
                yield array;
            }
            case "integer" -> {
                var minimum = schema.path("minimum").asLong(1);
                var maximum = schema.path("maximum").asLong(minimum + 10);
                yield BadValues.NODES.numberNode(minimum
                        + (long) random.nextInt((int) Math.max(1, Math.min(10, maximum - minimum + 1))));
            }
            case "number" ->
                BadValues.NODES.numberNode(new BigDecimal(1 + random.nextInt(500)).movePointLeft(random.nextInt(3)));
            case "boolean" -> BadValues.NODES.booleanNode(random.nextBoolean());
            default -> BadValues.NODES.stringNode(plausibleText(schema, name, random));
        };
    }

    private String plausibleText(JsonNode schema, String name, Random random) {
        var known = ids.pick(name, random);
        if (known.isPresent() && random.nextInt(5) > 0) {
            return known.get();
        }
        var lower = name.toLowerCase(Locale.ROOT);
        return switch (schema.path("format").asString("")) {
            case "date" -> today.plusDays(30 + random.nextInt(300)).toString();
            case "date-time" -> today.plusDays(30 + random.nextInt(300)) + "T00:00:00Z";
            case "uuid" -> UUID.randomUUID().toString();
            case "email" -> "fuzz-" + random.nextInt(1000) + "@fuzz.example";
            case "uri", "url" -> "https://fuzz.example/" + random.nextInt(1000);
            default -> {
                if (lower.contains("currency")) {
                    yield "USD";
                }
                if (lower.contains("email")) {
                    yield "fuzz-" + random.nextInt(1000) + "@fuzz.example";
                }
                if (lower.endsWith("accountid") || lower.endsWith("accountids")) {
                    yield "%012d".formatted(random.nextLong(1_000_000_000_000L));
                }
                if (lower.contains("date")) {
                    yield today.plusDays(30 + random.nextInt(300)).toString();
                }
                if (lower.contains("amount") || lower.contains("price")) {
                    yield (1 + random.nextInt(1000)) + ".00";
                }
                if (lower.endsWith("id")) {
                    yield UUID.randomUUID().toString();
                }
                yield "fuzz " + name + " " + random.nextInt(1000);
            }
        };
    }

    private static String type(JsonNode schema) {
        var type = schema.path("type");
        if (type.isArray()) {
            for (var t : type.values()) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        if (schema.path("properties").isObject()) {
            return "object";
        }
        return schema.path("items").isObject() ? "array" : "string";
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
