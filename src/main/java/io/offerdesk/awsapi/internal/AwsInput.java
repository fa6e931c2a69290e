package io.offerdesk.awsapi.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads members of a JSON-RPC input document by their modeled names and types, refusing a value of the wrong JSON type
 * as AWS does ({@code SerializationException}) and a missing required member with AWS's validation wording.
 */
public final class AwsInput {

    private final JsonNode node;
    private final String path;

    private AwsInput(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public static AwsInput of(JsonNode document) {
        if (!document.isObject()) {
            throw AwsError.serialization("The request body must be a JSON object.");
        }
        return new AwsInput(document, "");
    }

    public boolean has(String member) {
        var value = node.get(member);
        return value != null && !value.isNull();
    }

    public String string(String member) {
        return required(member, optionalString(member));
    }

    public @Nullable String optionalString(String member) {
        var value = value(member);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw wrongType(member, "a string");
        }
        return value.asString();
    }

    public long integer(String member) {
        if (!has(member)) {
            throw missing(member);
        }
        return integer(member, 0);
    }

    public long integer(String member, long absent) {
        var value = value(member);
        if (value == null) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(member, "an integer");
        }
        return value.longValue();
    }

    public boolean bool(String member) {
        var value = value(member);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw wrongType(member, "a boolean");
        }
        return value.booleanValue();
    }

    /** A timestamp as JSON protocols send it: seconds since the epoch, possibly with a fraction. */
    public Instant timestamp(String member) {
        var value = value(member);
        if (value == null) {
            throw missing(member);
        }
        if (!value.isNumber()) {
            throw wrongType(member, "epoch seconds");
        }
        var seconds = value.decimalValue();
        var whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        return Instant.ofEpochSecond(
                whole.longValueExact(),
                seconds.subtract(whole)
                        .movePointRight(9)
                        .setScale(0, java.math.RoundingMode.DOWN)
                        .longValueExact());
    }

    /** A required structure member. */
    public AwsInput structure(String member) {
        var found = structureOrNull(member);
        if (found == null) {
            throw missing(member);
        }
        return found;
    }

    /** A structure member, absent when not sent. */
    public @Nullable AwsInput structureOrNull(String member) {
        var value = value(member);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(member, "a structure");
        }
        return new AwsInput(value, path(member));
    }

    /** The members present, in the order sent: for unions and filter sets, where which members came decides. */
    public List<String> members() {
        var names = new ArrayList<String>();
        for (var property : node.properties()) {
            if (!property.getValue().isNull()) {
                names.add(property.getKey());
            }
        }
        return names;
    }

    /** A list of strings; empty when absent. */
    public List<String> strings(String member) {
        var value = value(member);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw wrongType(member, "a list");
        }
        var items = new ArrayList<String>();
        for (var element : value) {
            if (!element.isString()) {
                throw wrongType(member, "a list of strings");
            }
            items.add(element.asString());
        }
        return items;
    }

    /** A document member (any JSON object), as sent; absent when not sent. */
    public @Nullable JsonNode document(String member) {
        var value = value(member);
        if (value != null && !value.isObject()) {
            throw wrongType(member, "a JSON object");
        }
        return value;
    }

    /** A required list of structures, each read by {@code item}. */
    public <T> List<T> requiredList(String member, Function<AwsInput, T> item) {
        if (!has(member)) {
            throw missing(member);
        }
        return list(member, item);
    }

    /** A list of structures, each read by {@code item}; empty when absent. */
    public <T> List<T> list(String member, Function<AwsInput, T> item) {
        var value = value(member);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw wrongType(member, "a list");
        }
        var items = new ArrayList<T>();
        for (int i = 0; i < value.size(); i++) {
            var element = value.get(i);
            var elementPath = path(member) + "." + (i + 1);
            if (element == null || !element.isObject()) {
                throw AwsError.serialization("Expected a structure at '" + elementPath + "'.");
            }
            items.add(item.apply(new AwsInput(element, elementPath + ".member")));
        }
        return items;
    }

    /** A map of string keys to lists of strings (such as GetEntitlements' {@code Filter}); empty when absent. */
    public Map<String, List<String>> stringListMap(String member) {
        var value = value(member);
        if (value == null) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw wrongType(member, "a map");
        }
        var map = new LinkedHashMap<String, List<String>>();
        for (var entry : value.properties()) {
            var list = entry.getValue();
            var entryPath = path(member) + "." + entry.getKey();
            if (!list.isArray()) {
                throw AwsError.serialization("Expected a list at '" + entryPath + "'.");
            }
            var strings = new ArrayList<String>();
            for (var element : list) {
                if (!element.isString()) {
                    throw AwsError.serialization("Expected a string at '" + entryPath + "'.");
                }
                strings.add(element.asString());
            }
            map.put(entry.getKey(), strings);
        }
        return map;
    }

    private @Nullable JsonNode value(String member) {
        var value = node.get(member);
        return value == null || value.isNull() ? null : value;
    }

    private <T> T required(String member, @Nullable T value) {
        if (value == null) {
            throw missing(member);
        }
        return value;
    }

    private AwsError missing(String member) {
        return AwsError.validation("1 validation error detected: Value null at '" + path(member)
                + "' failed to satisfy constraint: Member must not be null");
    }

    private AwsError wrongType(String member, String expected) {
        return AwsError.serialization("Expected " + expected + " at '" + path(member) + "'.");
    }

    private String path(String member) {
        var camel = Character.toLowerCase(member.charAt(0)) + member.substring(1);
        return path.isEmpty() ? camel : path + "." + camel;
    }
}
