package io.offerdesk.resale.internal.domain;

import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the plain members of a resale change document, reporting every broken rule with its full field path and
 * reading on; terms shaped like an offer's are read by offers' {@link io.offerdesk.offers.TermDocuments}.
 */
final class Reader {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,8})?");

    private final Validations checks;
    private boolean failed;

    Reader(Validations checks) {
        this.checks = checks;
    }

    Validations checks() {
        return checks;
    }

    boolean failed() {
        return failed || !checks.isValid();
    }

    void fail(String field, String code, Object... arguments) {
        failed = true;
        checks.add(FieldViolation.of(field, code, arguments));
    }

    static String member(String path, String name) {
        return path + "." + name;
    }

    static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /** An object with only the {@code known} members. */
    @Nullable
    JsonNode object(@Nullable JsonNode node, String path, Set<String> known) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            fail(path, "validation.type");
            return null;
        }
        for (var name : node.propertyNames()) {
            if (!known.contains(name)) {
                fail(member(path, name), "validation.unknownField");
            }
        }
        return node;
    }

    @Nullable
    JsonNode value(JsonNode object, String path, String name, boolean required) {
        var value = object.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                fail(member(path, name), "validation.required");
            }
            return null;
        }
        return value;
    }

    @Nullable
    String text(JsonNode object, String path, String name, boolean required, int maxLength) {
        return text(object, path, name, required, maxLength, null, "validation.type");
    }

    /** Text that also matches {@code pattern}, reported with {@code code} when it does not. */
    @Nullable
    String text(
            JsonNode object,
            String path,
            String name,
            boolean required,
            int maxLength,
            @Nullable Pattern pattern,
            String code) {
        var value = value(object, path, name, required);
        if (value == null) {
            return null;
        }
        var field = member(path, name);
        if (!value.isString()) {
            fail(field, "validation.type");
            return null;
        }
        var text = value.stringValue();
        if (text.isBlank()) {
            fail(field, "validation.required");
            return null;
        }
        if (text.length() > maxLength) {
            fail(field, "validation.maxLength", maxLength);
            return null;
        }
        if (pattern != null && !pattern.matcher(text).matches()) {
            fail(field, code);
            return null;
        }
        return text;
    }

    @Nullable
    LocalDate date(JsonNode object, String path, String name, boolean required) {
        var text = text(object, path, name, required, 30);
        if (text == null) {
            return null;
        }
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException notADay) {
            // 2025-02-30 has the right shape but is no day; reported below like any other bad date.
        }
        fail(member(path, name), "validation.date");
        return null;
    }

    @Nullable
    Integer integer(JsonNode object, String path, String name, int min, int max) {
        var value = value(object, path, name, false);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            fail(member(path, name), "validation.range", min, max);
            return null;
        }
        return value.intValue();
    }

    @Nullable
    BigDecimal decimal(JsonNode object, String path, String name) {
        var text = text(object, path, name, true, 20);
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            fail(member(path, name), "validation.decimal", 8);
            return null;
        }
        return new BigDecimal(text);
    }

    /** One of {@code names}, as written. */
    @Nullable
    String choice(JsonNode object, String path, String name, boolean required, List<String> names) {
        var text = text(object, path, name, required, 100);
        if (text != null && !names.contains(text)) {
            fail(member(path, name), "validation.enum", String.join(", ", names));
            return null;
        }
        return text;
    }

    /** The elements of an array member with {@code min} to {@code max} entries; returned even when the count is wrong. */
    @Nullable
    List<JsonNode> array(JsonNode object, String path, String name, boolean required, int min, int max) {
        var value = value(object, path, name, required);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            fail(member(path, name), "validation.type");
            return null;
        }
        if (value.size() < min || value.size() > max) {
            fail(member(path, name), "validation.size", min, max);
        }
        return new ArrayList<>(value.values());
    }
}
