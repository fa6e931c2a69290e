package io.offerdesk.support.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Breaks a plausible JSON body: a field gets a bad value or the wrong type, goes missing or gains an unknown sibling;
 * or the whole document is of the wrong type, cut off, not JSON at all, or empty.
 */
public final class JsonMutations {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonMutations() {}

    /** The body as sent: the plausible one with one to three field mutations, or a broken document. */
    public static byte[] mutate(JsonNode plausible, Random random) {
        if (random.nextInt(5) == 0) {
            return brokenDocument(plausible, random);
        }
        var body = plausible.deepCopy();
        var mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            body = mutateOnce(body, random);
        }
        return JSON.writeValueAsBytes(body);
    }

    /** One mutation of a field (or of the root when the body has no fields). */
    static JsonNode mutateOnce(JsonNode body, Random random) {
        var slots = new ArrayList<Slot>();
        collect(body, slots, 0);
        if (slots.isEmpty()) {
            return BadValues.draw(BadValues.wrongTypes(), random);
        }
        var slot = slots.get(random.nextInt(slots.size()));
        switch (random.nextInt(6)) {
            case 0 -> slot.remove().run();
            case 1 -> slot.replace().accept(BadValues.NODES.stringNode(BadValues.draw(BadValues.strings(), random)));
            case 2 -> slot.replace().accept(BadValues.draw(BadValues.numbers(), random));
            case 3 -> slot.replace().accept(BadValues.draw(BadValues.wrongTypes(), random));
            case 4 -> slot.addSibling().accept(random);
            default -> slot.replace().accept(BadValues.NODES.stringNode(badValueOfSameShape(slot.value(), random)));
        }
        return body;
    }

    /** A string that looks like the value it replaces but is wrong: a bad date, enum or id of the same flavour. */
    private static String badValueOfSameShape(JsonNode value, Random random) {
        var text = value.isString() ? value.asString() : value.toString();
        return switch (random.nextInt(6)) {
            case 0 -> text.toLowerCase(java.util.Locale.ROOT) + "_NOT_A_VALUE";
            case 1 -> text + "\u0000";
            case 2 -> text.isEmpty() ? "\ud800" : text.substring(0, text.length() / 2);
            case 3 -> text.replaceAll("[0-9]", "9").replaceAll("[a-z]", "z") + "-99";
            case 4 -> "\u202e" + text + "\u200b";
            default -> text.repeat(Math.max(1, 5_000 / Math.max(1, text.length())));
        };
    }

    private static byte[] brokenDocument(JsonNode plausible, Random random) {
        var text = JSON.writeValueAsString(plausible);
        var broken = switch (random.nextInt(8)) {
            case 0 -> text.substring(0, random.nextInt(Math.max(1, text.length())));
            case 1 -> "";
            case 2 -> "<?xml version=\"1.0\"?><a/>";
            case 3 -> "[" + text + "]";
            case 4 -> text.replaceFirst("\\{", "{\"__proto__\":{},\"a\":1,\"a\":2,");
            case 5 -> "\"" + BadValues.draw(BadValues.strings(), random).replace("\"", "") + "\"";
            case 6 -> "{\"x\":\"\\ud800\\u0000\",\"y\":1e99999}";
            default -> JSON.writeValueAsString(BadValues.draw(BadValues.wrongTypes(), random));
        };
        return broken.getBytes(StandardCharsets.UTF_8);
    }

    /** A place in the tree: a field of an object or an item of an array. */
    private record Slot(JsonNode value, Runnable remove, Consumer<JsonNode> replace, Consumer<Random> addSibling) {}

    private static void collect(JsonNode node, List<Slot> slots, int depth) {
        if (depth > 6) {
            return;
        }
        if (node instanceof ObjectNode object) {
            for (var name : List.copyOf(object.propertyNames())) {
                var value = object.get(name);
                slots.add(new Slot(
                        value,
                        () -> object.remove(name),
                        replacement -> object.set(name, replacement),
                        random -> object.put(
                                random.nextBoolean() ? "unexpected" : name + "Extra",
                                BadValues.draw(BadValues.strings(), random))));
                collect(value, slots, depth + 1);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                var index = i;
                var value = array.get(i);
                slots.add(new Slot(
                        value,
                        () -> {
                            if (index < array.size()) {
                                array.remove(index);
                            }
                        },
                        replacement -> {
                            if (index < array.size()) {
                                array.set(index, replacement);
                            }
                        },
                        random -> {
                            for (int copies = 0; copies < 1 + random.nextInt(200); copies++) {
                                array.add(value.deepCopy());
                            }
                        }));
                collect(value, slots, depth + 1);
            }
        }
    }
}
