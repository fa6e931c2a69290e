package io.offerdesk.support.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Ids the fuzzer's own parties were answered with, by the name of the field or parameter that holds such an id
 * (case-insensitive, so REST's {@code offerId} and AWS's {@code OfferId} share one pool): a request that names a real
 * object of its caller gets past the lookup to the validation the fuzzer is after.
 */
public final class IdPool {

    private static final int PER_NAME = 30;

    private final Map<String, List<String>> ids = new HashMap<>();

    /**
     * Keeps every {@code id} and {@code …Id}/{@code …Identifier}/{@code …Arn}/{@code …Code} string of a successful
     * answer; an {@code id} counts as an id of the resource the path names ({@code /offers/…} gives {@code offerId}).
     */
    public void harvest(String pathTemplate, JsonNode answer) {
        var resource = resourceOf(pathTemplate);
        walk(answer, resource, 0);
    }

    private void walk(JsonNode node, String resource, int depth) {
        if (depth > 8) {
            return;
        }
        if (node.isObject()) {
            for (var field : node.properties()) {
                var name = field.getKey();
                var value = field.getValue();
                if (value.isString() && isIdName(name)) {
                    add(name.equals("id") ? resource + "Id" : name, value.asString());
                    if (name.equals("id") || name.equalsIgnoreCase("Identifier") || name.equalsIgnoreCase("EntityId")) {
                        add("id", value.asString());
                    }
                } else {
                    walk(value, resource, depth + 1);
                }
            }
        } else if (node.isArray()) {
            for (var item : node.values()) {
                walk(item, resource, depth + 1);
            }
        }
    }

    private static boolean isIdName(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("id")
                || lower.endsWith("id")
                || lower.endsWith("identifier")
                || lower.endsWith("arn")
                || lower.endsWith("code")
                || lower.endsWith("token");
    }

    /** {@code /api/v1/change-sets/{changeSetId}/x} names change sets: {@code changeSet}. */
    static String resourceOf(String pathTemplate) {
        var segments = pathTemplate.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            var segment = segments[i];
            if (!segment.isEmpty() && !segment.startsWith("{")) {
                var words = segment.split("-");
                var name = new StringBuilder(words[0]);
                for (int w = 1; w < words.length; w++) {
                    if (!words[w].isEmpty()) {
                        name.append(Character.toUpperCase(words[w].charAt(0))).append(words[w].substring(1));
                    }
                }
                var singular = name.toString();
                if (singular.endsWith("ies")) {
                    return singular.substring(0, singular.length() - 3) + "y";
                }
                return singular.endsWith("s") ? singular.substring(0, singular.length() - 1) : singular;
            }
        }
        return "";
    }

    public void add(String name, String id) {
        var pool = ids.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>());
        if (!pool.contains(id)) {
            if (pool.size() >= PER_NAME) {
                pool.removeFirst();
            }
            pool.add(id);
        }
    }

    /** A known id for the name, if any was seen. */
    public Optional<String> pick(String name, Random random) {
        var pool = ids.get(name.toLowerCase(Locale.ROOT));
        return pool == null || pool.isEmpty() ? Optional.empty() : Optional.of(pool.get(random.nextInt(pool.size())));
    }

    public int size() {
        return ids.values().stream().mapToInt(List::size).sum();
    }
}
