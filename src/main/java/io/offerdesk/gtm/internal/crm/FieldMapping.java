package io.offerdesk.gtm.internal.crm;

import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * How a CRM's payload becomes the inputs of an offer made from a template. A trigger (a JSON Pointer and the values
 * it must have, such as a Salesforce opportunity's {@code StageName} of "Closed Won") decides whether the payload is
 * meant to make an offer at all; each target field then takes its value from a pointer into the payload or from a
 * constant, optionally translated through a lookup table (CRM product codes to product ids) and with a default for an
 * absent value. Pure: it reads JSON and returns what it found, with a violation per field that could not be filled.
 *
 * @param trigger when the payload makes an offer; none means every payload does
 * @param fields how each target field is filled
 */
public record FieldMapping(@Nullable Trigger trigger, Map<Target, Source> fields) {

    public static final int POINTER_MAX = 200;
    public static final int VALUE_MAX = 500;
    public static final int LOOKUP_MAX = 500;

    /** The inputs of an offer made from a template, by their names in the mapping document. */
    public enum Target {
        EXTERNAL_ID("externalId", true),
        TEMPLATE_ID("templateId", true),
        PRODUCT_ID("productId", false),
        RESALE_AUTHORIZATION_ID("resaleAuthorizationId", false),
        BUYER_ACCOUNT_IDS("buyerAccountIds", true),
        OFFER_NAME("offerName", false),
        DISCOUNT_PERCENT("discountPercent", false),
        CONTRACT_PRICE("contractPrice", false),
        QUANTITY("quantity", false),
        MARKUP_PERCENT("markupPercent", false);

        private final String wireName;
        private final boolean required;

        Target(String wireName, boolean required) {
            this.wireName = wireName;
            this.required = required;
        }

        public String wireName() {
            return wireName;
        }

        public boolean required() {
            return required;
        }

        public static Optional<Target> of(String wireName) {
            return Arrays.stream(values())
                    .filter(t -> t.wireName.equals(wireName))
                    .findFirst();
        }
    }

    /** The payload makes an offer only when the value at {@code pointer} is one of {@code values}. */
    public record Trigger(String pointer, List<String> values) {
        public Trigger {
            values = List.copyOf(values);
        }
    }

    /**
     * Where a target field's value comes from: a pointer into the payload or a constant (exactly one), a lookup table
     * applied to what was found, and a default when the payload has nothing there.
     */
    public record Source(
            @Nullable String pointer,
            @Nullable String constant,
            Map<String, String> lookup,
            @Nullable String defaultValue) {
        public Source {
            lookup = Map.copyOf(lookup);
        }
    }

    /**
     * What a payload gave.
     *
     * @param triggered whether the trigger matched; when not, nothing else was read
     * @param values each target field that has a value, as text; the buyer accounts are separated by commas
     * @param violations the fields that could not be filled, named {@code payload.<target>}
     */
    public record Outcome(boolean triggered, Map<Target, String> values, List<FieldViolation> violations) {
        public Outcome {
            values = Map.copyOf(values);
            violations = List.copyOf(violations);
        }

        public @Nullable String value(Target target) {
            return values.get(target);
        }
    }

    public FieldMapping {
        fields = Map.copyOf(fields);
    }

    /**
     * Checks a mapping as its owner saves it, naming each broken rule's place in the mapping document.
     *
     * @throws InvalidInput with a violation per broken rule
     */
    public FieldMapping checked() {
        var violations = new ArrayList<FieldViolation>();
        if (trigger != null) {
            checkPointer(trigger.pointer(), "mapping.trigger.pointer", violations);
            if (trigger.values().isEmpty()) {
                violations.add(FieldViolation.of("mapping.trigger.values", "crm.mapping.trigger.values"));
            }
        }
        for (var target : Target.values()) {
            var source = fields.get(target);
            var field = "mapping.fields." + target.wireName();
            if (source == null) {
                if (target.required()) {
                    violations.add(FieldViolation.of(field, "crm.mapping.field.required"));
                }
                continue;
            }
            if ((source.pointer() == null) == (source.constant() == null)) {
                violations.add(FieldViolation.of(field, "crm.mapping.field.pointerOrValue"));
            }
            if (source.pointer() != null) {
                checkPointer(source.pointer(), field + ".pointer", violations);
            }
            checkLength(source.constant(), field + ".value", violations);
            checkLength(source.defaultValue(), field + ".default", violations);
            if (source.lookup().size() > LOOKUP_MAX) {
                violations.add(FieldViolation.of(field + ".lookup", "crm.mapping.lookup.tooLarge", LOOKUP_MAX));
            }
        }
        if (!fields.containsKey(Target.PRODUCT_ID) && !fields.containsKey(Target.RESALE_AUTHORIZATION_ID)) {
            violations.add(FieldViolation.of("mapping.fields.productId", "crm.mapping.productOrResale"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return this;
    }

    /** Reads a payload through this mapping. */
    public Outcome apply(JsonNode payload) {
        if (trigger != null) {
            var found = text(payload.at(trigger.pointer()));
            if (found == null || !trigger.values().contains(found)) {
                return new Outcome(false, Map.of(), List.of());
            }
        }
        var values = new EnumMap<Target, String>(Target.class);
        var violations = new ArrayList<FieldViolation>();
        for (var target : Target.values()) {
            var source = fields.get(target);
            if (source == null) {
                continue;
            }
            var field = "payload." + target.wireName();
            var raw = source.constant() != null
                    ? source.constant()
                    : target == Target.BUYER_ACCOUNT_IDS
                            ? accounts(payload.at(requireNonNullPointer(source)))
                            : text(payload.at(requireNonNullPointer(source)));
            if (raw != null && !source.lookup().isEmpty()) {
                var translated = source.lookup().get(raw);
                if (translated == null) {
                    violations.add(FieldViolation.of(field, "crm.payload.notInLookup", raw));
                    continue;
                }
                raw = translated;
            }
            if (raw == null || raw.isBlank()) {
                raw = source.defaultValue();
            }
            if (raw == null || raw.isBlank()) {
                if (target.required()) {
                    violations.add(FieldViolation.of(
                            field,
                            "crm.payload.missing",
                            Optional.ofNullable(source.pointer()).orElse("")));
                }
                continue;
            }
            values.put(target, raw.strip());
        }
        if (!values.containsKey(Target.PRODUCT_ID) && !values.containsKey(Target.RESALE_AUTHORIZATION_ID)) {
            violations.add(FieldViolation.of("payload.productId", "crm.payload.productOrResale"));
        }
        return new Outcome(true, values, violations);
    }

    /** The mapping as the document its owner edits: the shape {@link #parse} reads. */
    public Map<String, Object> document() {
        var document = new LinkedHashMap<String, Object>();
        if (trigger != null) {
            document.put("trigger", Map.of("pointer", trigger.pointer(), "values", trigger.values()));
        }
        var out = new LinkedHashMap<String, Object>();
        for (var target : Target.values()) {
            var source = fields.get(target);
            if (source == null) {
                continue;
            }
            var rule = new LinkedHashMap<String, Object>();
            if (source.pointer() != null) {
                rule.put("pointer", source.pointer());
            }
            if (source.constant() != null) {
                rule.put("value", source.constant());
            }
            if (!source.lookup().isEmpty()) {
                rule.put("lookup", new java.util.TreeMap<>(source.lookup()));
            }
            if (source.defaultValue() != null) {
                rule.put("default", source.defaultValue());
            }
            out.put(target.wireName(), rule);
        }
        document.put("fields", out);
        return document;
    }

    /**
     * Reads a mapping document: {@code {"trigger": {"pointer", "values"}, "fields": {"<target>": {"pointer" | "value",
     * "lookup", "default"}}}}. Unknown targets and members are refused, so a typo does not silently map nothing.
     *
     * @throws InvalidInput naming the place of each problem
     */
    public static FieldMapping parse(@Nullable JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new InvalidInput("mapping", "crm.mapping.notObject");
        }
        var violations = new ArrayList<FieldViolation>();
        unknownMembers(document, "mapping", List.of("trigger", "fields"), violations);
        Trigger trigger = null;
        var triggerNode = document.get("trigger");
        if (triggerNode != null && !triggerNode.isNull()) {
            unknownMembers(triggerNode, "mapping.trigger", List.of("pointer", "values"), violations);
            var values = new ArrayList<String>();
            var valuesNode = triggerNode.path("values");
            if (valuesNode.isArray()) {
                valuesNode.forEach(v -> values.add(v.asString()));
            } else if (!valuesNode.isMissingNode()) {
                violations.add(FieldViolation.of("mapping.trigger.values", "crm.mapping.trigger.values"));
            }
            trigger = new Trigger(triggerNode.path("pointer").asString(""), values);
        }
        var fields = new EnumMap<Target, Source>(Target.class);
        var fieldsNode = document.path("fields");
        if (!fieldsNode.isObject()) {
            violations.add(FieldViolation.of("mapping.fields", "crm.mapping.notObject"));
        } else {
            for (var entry : fieldsNode.properties()) {
                var place = "mapping.fields." + entry.getKey();
                var target = Target.of(entry.getKey());
                if (target.isEmpty()) {
                    violations.add(FieldViolation.of(place, "crm.mapping.field.unknown", entry.getKey()));
                    continue;
                }
                var rule = entry.getValue();
                if (!rule.isObject()) {
                    violations.add(FieldViolation.of(place, "crm.mapping.notObject"));
                    continue;
                }
                unknownMembers(rule, place, List.of("pointer", "value", "lookup", "default"), violations);
                var lookup = new LinkedHashMap<String, String>();
                var lookupNode = rule.path("lookup");
                if (lookupNode.isObject()) {
                    lookupNode
                            .properties()
                            .forEach(l -> lookup.put(l.getKey(), l.getValue().asString()));
                } else if (!lookupNode.isMissingNode()) {
                    violations.add(FieldViolation.of(place + ".lookup", "crm.mapping.notObject"));
                }
                fields.put(
                        target.get(),
                        new Source(
                                optionalText(rule, "pointer"),
                                optionalText(rule, "value"),
                                lookup,
                                optionalText(rule, "default")));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new FieldMapping(trigger, fields).checked();
    }

    private static String requireNonNullPointer(Source source) {
        var pointer = source.pointer();
        if (pointer == null) {
            throw new IllegalStateException("a source without a constant has a pointer");
        }
        return pointer;
    }

    private static void checkPointer(@Nullable String pointer, String field, List<FieldViolation> violations) {
        if (pointer == null || pointer.isEmpty() || pointer.length() > POINTER_MAX || !pointer.startsWith("/")) {
            violations.add(FieldViolation.of(field, "crm.mapping.pointer", POINTER_MAX));
            return;
        }
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException malformed) {
            violations.add(FieldViolation.of(field, "crm.mapping.pointer", POINTER_MAX));
        }
    }

    private static void checkLength(@Nullable String value, String field, List<FieldViolation> violations) {
        if (value != null && value.length() > VALUE_MAX) {
            violations.add(FieldViolation.of(field, "crm.mapping.value.tooLong", VALUE_MAX));
        }
    }

    private static void unknownMembers(
            JsonNode node, String place, List<String> known, List<FieldViolation> violations) {
        for (var name : node.propertyNames()) {
            if (!known.contains(name)) {
                violations.add(FieldViolation.of(place + "." + name, "crm.mapping.member.unknown", name));
            }
        }
    }

    private static @Nullable String optionalText(JsonNode node, String member) {
        var value = node.get(member);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** A scalar as text; objects and arrays have no single value to map. */
    private static @Nullable String text(JsonNode node) {
        if (node.isMissingNode() || node.isNull() || node.isContainer()) {
            return null;
        }
        return node.isNumber() ? node.decimalValue().toPlainString() : node.asString();
    }

    /**
     * Buyer accounts come from CRMs as a JSON array or as one text field with the ids separated by commas, semicolons
     * or white space; both become one comma-separated list.
     */
    private static @Nullable String accounts(JsonNode node) {
        var ids = new ArrayList<String>();
        if (node.isArray()) {
            node.forEach(n -> ids.add(n.asString()));
        } else {
            var text = text(node);
            if (text == null) {
                return null;
            }
            ids.addAll(Arrays.asList(text.split("[,;\\s]+")));
        }
        var list = ids.stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        return list.isEmpty() ? null : String.join(",", list);
    }
}
