package io.offerdesk.awsapi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a response body as it came over the wire against an operation's output shape in the botocore model (issue
 * #10, item 4): every member is modeled, required members are present, and each value has the modeled type, enum
 * value, pattern, length and range; timestamps as the shape's {@code timestampFormat} says, epoch seconds by default
 * (botocore's default in JSON bodies). Returns every violation with its path, so a failing test says exactly what is off.
 */
public final class BotocoreConformance {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ISO_8601 = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    private final JsonNode model;

    private BotocoreConformance(JsonNode model) {
        this.model = model;
    }

    /** The model of the service botocore names so, from {@code awsapi/models/<name>-<version>.service-2.json}. */
    public static BotocoreConformance of(String botocoreName) {
        try {
            var found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:awsapi/models/" + botocoreName + "-*.service-2.json");
            if (found.length != 1) {
                throw new IllegalArgumentException("no single model for " + botocoreName);
            }
            try (var in = found[0].getInputStream()) {
                return new BotocoreConformance(JSON.readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode model() {
        return model;
    }

    /** What in the body breaks the operation's output shape; empty when it conforms. */
    public List<String> violations(String operation, JsonNode body) {
        var output = model.at("/operations/" + operation + "/output/shape");
        if (output.isMissingNode()) {
            throw new IllegalArgumentException("no output shape for " + operation);
        }
        var found = new ArrayList<String>();
        check(output.asString(), body, "$", found);
        return found;
    }

    private void check(String shapeName, JsonNode value, String path, List<String> found) {
        var shape = model.at("/shapes/" + shapeName);
        var type = shape.at("/type").asString();
        if (shape.at("/document").asBoolean(false)) {
            return; // a document type (e.g. Catalog's DetailsDocument) holds any JSON
        }
        switch (type) {
            case "structure" -> {
                if (!value.isObject()) {
                    found.add(path + ": expected an object (" + shapeName + ")");
                    return;
                }
                for (var required : shape.at("/required")) {
                    if (!value.has(required.asString())) {
                        found.add(path + "." + required.asString() + ": required by " + shapeName + " but missing");
                    }
                }
                for (var member : value.properties()) {
                    var memberShape = shape.at("/members/" + member.getKey() + "/shape");
                    if (memberShape.isMissingNode()) {
                        found.add(path + "." + member.getKey() + ": not a member of " + shapeName);
                    } else if (!member.getValue().isNull()) {
                        check(memberShape.asString(), member.getValue(), path + "." + member.getKey(), found);
                    }
                }
            }
            case "list" -> {
                if (!value.isArray()) {
                    found.add(path + ": expected a list (" + shapeName + ")");
                    return;
                }
                range(shape, value.size(), path, "items", found);
                for (int i = 0; i < value.size(); i++) {
                    check(shape.at("/member/shape").asString(), value.get(i), path + "[" + i + "]", found);
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    found.add(path + ": expected a map (" + shapeName + ")");
                    return;
                }
                for (var entry : value.properties()) {
                    check(
                            shape.at("/key/shape").asString(),
                            JSON.getNodeFactory().stringNode(entry.getKey()),
                            path,
                            found);
                    check(shape.at("/value/shape").asString(), entry.getValue(), path + "." + entry.getKey(), found);
                }
            }
            case "string" -> {
                if (!value.isString()) {
                    found.add(path + ": expected a string (" + shapeName + ")");
                    return;
                }
                var text = value.asString();
                range(shape, text.length(), path, "characters", found);
                var values = new ArrayList<String>();
                shape.at("/enum").forEach(v -> values.add(v.asString()));
                if (!values.isEmpty() && !values.contains(text)) {
                    found.add(path + ": '" + text + "' is not one of " + values);
                }
                var pattern = shape.at("/pattern");
                if (!pattern.isMissingNode()
                        && !Pattern.compile(pattern.asString()).matcher(text).find()) {
                    found.add(path + ": '" + text + "' does not match " + pattern.asString());
                }
            }
            case "integer", "long" -> {
                if (!value.isIntegralNumber()) {
                    found.add(path + ": expected an integer (" + shapeName + ")");
                    return;
                }
                var number = value.longValue();
                if (shape.has("min") && number < shape.at("/min").asLong()) {
                    found.add(path + ": " + number + " is below "
                            + shape.at("/min").asLong());
                }
                if (shape.has("max") && number > shape.at("/max").asLong()) {
                    found.add(path + ": " + number + " is above "
                            + shape.at("/max").asLong());
                }
            }
            case "double", "float" -> {
                if (!value.isNumber()) {
                    found.add(path + ": expected a number (" + shapeName + ")");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    found.add(path + ": expected a boolean (" + shapeName + ")");
                }
            }
            case "timestamp" -> timestamp(shape, value, path, found);
            default -> found.add(path + ": shape type " + type + " of " + shapeName + " is not checked yet");
        }
    }

    private void timestamp(JsonNode shape, JsonNode value, String path, List<String> found) {
        // botocore's default in JSON bodies of every protocol; Catalog models its dates as strings, not timestamps
        var format = shape.has("timestampFormat") ? shape.at("/timestampFormat").asString() : "unixTimestamp";
        if (format.equals("iso8601")) {
            if (!value.isString() || !ISO_8601.matcher(value.asString()).matches()) {
                found.add(path + ": expected an ISO 8601 timestamp");
            }
        } else if (!value.isNumber()) {
            found.add(path + ": expected epoch seconds");
        }
    }

    private static void range(JsonNode shape, long size, String path, String unit, List<String> found) {
        if (shape.has("min") && size < shape.at("/min").asLong()) {
            found.add(path + ": fewer than " + shape.at("/min").asLong() + " " + unit);
        }
        if (shape.has("max") && size > shape.at("/max").asLong()) {
            found.add(path + ": more than " + shape.at("/max").asLong() + " " + unit);
        }
    }
}
