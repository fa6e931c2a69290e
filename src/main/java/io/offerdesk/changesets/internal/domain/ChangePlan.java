package io.offerdesk.changesets.internal.domain;

import io.offerdesk.shared.FieldViolation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The order in which a change set's changes run, and how their {@code $ChangeName.Entity.Identifier} references
 * resolve. A change that refers to another's entity runs after it; otherwise changes keep the order they were sent in.
 */
public final class ChangePlan {

    private static final Pattern REFERENCE = Pattern.compile("^\\$([a-zA-Z]+)\\.Entity\\.Identifier$");

    /** What the plan needs of one change. */
    public record Step(
            @Nullable String changeName, @Nullable String entityIdentifier, JsonNode details) {}

    private ChangePlan() {}

    /** The name a value refers to, if it is a reference. */
    public static @Nullable String referencedName(@Nullable String value) {
        if (value == null) {
            return null;
        }
        var matcher = REFERENCE.matcher(value);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /**
     * The indexes of the steps in execution order.
     *
     * @param violations receives a violation for each unknown reference and for a cycle
     */
    public static List<Integer> order(List<Step> steps, String path, List<FieldViolation> violations) {
        var byName = new HashMap<String, Integer>();
        for (int i = 0; i < steps.size(); i++) {
            var name = steps.get(i).changeName();
            if (name != null) {
                byName.put(name, i);
            }
        }
        var dependsOn = new ArrayList<Set<Integer>>();
        for (int i = 0; i < steps.size(); i++) {
            var needs = new LinkedHashSet<Integer>();
            var step = steps.get(i);
            var references = new ArrayList<String>();
            var identifierName = referencedName(step.entityIdentifier());
            if (identifierName != null) {
                references.add(identifierName);
            }
            collect(step.details(), references);
            for (var name : references) {
                var target = byName.get(name);
                if (target == null || target == i) {
                    violations.add(FieldViolation.of(path + "[" + i + "]", "changeSet.unknownReference", name));
                } else {
                    needs.add(target);
                }
            }
            dependsOn.add(needs);
        }
        // Kahn's algorithm, always taking the lowest ready index so that independent changes keep their order.
        var order = new ArrayList<Integer>();
        var done = new boolean[steps.size()];
        while (order.size() < steps.size()) {
            int next = -1;
            for (int i = 0; i < steps.size() && next < 0; i++) {
                if (!done[i] && done(dependsOn.get(i), done)) {
                    next = i;
                }
            }
            if (next < 0) {
                violations.add(FieldViolation.of(path, "changeSet.referenceCycle"));
                return List.of();
            }
            done[next] = true;
            order.add(next);
        }
        return order;
    }

    /** A copy of {@code details} with every reference replaced by the id it names. */
    public static JsonNode resolve(JsonNode details, Map<String, String> entityIds) {
        if (details.isString()) {
            var name = referencedName(details.asString());
            var id = name == null ? null : entityIds.get(name);
            return id == null ? details : JsonNodeFactory.instance.stringNode(id);
        }
        if (details instanceof ObjectNode object) {
            var copy = JsonNodeFactory.instance.objectNode();
            object.properties().forEach(e -> copy.set(e.getKey(), resolve(e.getValue(), entityIds)));
            return copy;
        }
        if (details instanceof ArrayNode array) {
            var copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(v -> copy.add(resolve(v, entityIds)));
            return copy;
        }
        return details;
    }

    private static boolean done(Set<Integer> needs, boolean[] done) {
        return needs.stream().allMatch(i -> done[i]);
    }

    private static void collect(JsonNode node, List<String> references) {
        var pending = new ArrayDeque<JsonNode>();
        pending.add(node);
        while (!pending.isEmpty()) {
            var next = pending.poll();
            if (next.isString()) {
                var name = referencedName(next.asString());
                if (name != null) {
                    references.add(name);
                }
            } else if (next.isContainer()) {
                next.forEach(pending::add);
            }
        }
    }
}
