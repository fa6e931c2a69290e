package io.offerdesk.changesets;

import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.Validations;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the members of a change's {@code DetailsDocument} (or any JSON document shaped like one) the way AWS's Catalog
 * API checks them: every broken rule is reported to a {@link Validations} with the full path of its field, and reading
 * goes on so that the caller learns all of them at once. A value that breaks a rule reads as absent; {@link #failed()}
 * tells whether this reader reported anything. Shared by the modules whose {@link ChangeHandler}s parse documents.
 */
public final class DocumentReader {

    /** AWS's date format, {@code YYYY-MM-DD}; the calendar check is left to {@link LocalDate#parse}. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** AWS's period pattern: years, months and days, no weeks, no signs. */
    private static final Pattern PERIOD = Pattern.compile("P(?=\\d)(\\d+Y)?(\\d+M)?(\\d+D)?");
    /** Non-negative decimals with at most 8 decimals, the finest any offer amount may be; rules narrow it further. */
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{0,8})?");

    private static final int DECIMALS_MAX = 8;
    private static final BigDecimal AMOUNT_MAX = new BigDecimal("100000000");

    private final Validations checks;
    /** Whether text of white space alone is reported as missing rather than read as written. */
    private final boolean blankIsMissing;

    private boolean failed;

    /** A reader reporting to {@code checks} that reads text of white space alone as written. */
    public DocumentReader(Validations checks) {
        this(checks, false);
    }

    private DocumentReader(Validations checks, boolean blankIsMissing) {
        this.checks = checks;
        this.blankIsMissing = blankIsMissing;
    }

    /**
     * A reader reporting to {@code checks} that reports text of white space alone as missing ({@code
     * validation.required}), as resale authorization documents are read.
     */
    public static DocumentReader blankIsMissing(Validations checks) {
        return new DocumentReader(checks, true);
    }

    /** Where this reader reports, for readers of nested documents that report there too. */
    public Validations checks() {
        return checks;
    }

    /** Whether this reader reported a broken rule; what others reported to the same {@link #checks()} is not counted. */
    public boolean failed() {
        return failed;
    }

    public void fail(String field, String code, Object... arguments) {
        failed = true;
        checks.add(FieldViolation.of(field, code, arguments));
    }

    public static String member(String path, String name) {
        return path + "." + name;
    }

    public static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /** An object with only the {@code known} members; reports anything else. */
    @Nullable
    public JsonNode object(@Nullable JsonNode node, String path, Set<String> known) {
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

    /** A member's value; JSON {@code null} counts as absent. */
    @Nullable
    public JsonNode value(JsonNode object, String path, String name, boolean required) {
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
    public String text(JsonNode object, String path, String name, boolean required, int maxLength) {
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
        if (blankIsMissing ? text.isBlank() : text.isEmpty()) {
            fail(field, "validation.required");
            return null;
        }
        if (text.length() > maxLength) {
            fail(field, "validation.maxLength", maxLength);
            return null;
        }
        return text;
    }

    /** Text that also matches {@code pattern}, reported with {@code code} when it does not. */
    @Nullable
    public String text(
            JsonNode object, String path, String name, boolean required, int maxLength, Pattern pattern, String code) {
        var text = text(object, path, name, required, maxLength);
        if (text != null && !pattern.matcher(text).matches()) {
            fail(member(path, name), code);
            return null;
        }
        return text;
    }

    @Nullable
    public LocalDate date(JsonNode object, String path, String name, boolean required) {
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
    public Period period(JsonNode object, String path, String name, boolean required) {
        var text = text(object, path, name, required, 20);
        if (text == null) {
            return null;
        }
        if (!PERIOD.matcher(text).matches()) {
            fail(member(path, name), "validation.period");
            return null;
        }
        try {
            return Period.parse(text);
        } catch (DateTimeParseException | ArithmeticException tooLarge) {
            fail(member(path, name), "validation.period");
            return null;
        }
    }

    /** A decimal written as a string, as AWS writes amounts, prices and percentages. */
    @Nullable
    public BigDecimal decimal(JsonNode object, String path, String name, boolean required) {
        var text = text(object, path, name, required, 20);
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            fail(member(path, name), "validation.decimal", DECIMALS_MAX);
            return null;
        }
        var decimal = new BigDecimal(text);
        if (decimal.compareTo(AMOUNT_MAX) > 0) {
            fail(member(path, name), "validation.range", 0, AMOUNT_MAX.toPlainString());
            return null;
        }
        return decimal;
    }

    @Nullable
    public Integer integer(JsonNode object, String path, String name, boolean required, int min, int max) {
        var value = value(object, path, name, required);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            fail(member(path, name), "validation.type");
            return null;
        }
        var number = value.intValue();
        if (number < min || number > max) {
            fail(member(path, name), "validation.range", min, max);
            return null;
        }
        return number;
    }

    /** One of {@code values} by its wire name. */
    public <E> @Nullable E choice(
            JsonNode object, String path, String name, boolean required, E[] values, Function<E, String> wireName) {
        var text = text(object, path, name, required, 100);
        if (text == null) {
            return null;
        }
        for (var candidate : values) {
            if (wireName.apply(candidate).equals(text)) {
                return candidate;
            }
        }
        fail(member(path, name), "validation.enum", names(values, wireName));
        return null;
    }

    private static <E> String names(E[] values, Function<E, String> wireName) {
        return Arrays.stream(values).map(wireName).collect(Collectors.joining(", "));
    }

    /**
     * The elements of an array member with {@code min} to {@code max} entries. Elements are returned even when their
     * count is wrong, so that their own rules are checked too.
     */
    @Nullable
    public List<JsonNode> array(JsonNode object, String path, String name, boolean required, int min, int max) {
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

    /** The elements of an array of strings, each checked against {@code pattern}. */
    public List<String> strings(@Nullable List<JsonNode> elements, String field, Pattern pattern, String code) {
        var strings = new ArrayList<String>();
        if (elements == null) {
            return strings;
        }
        for (int i = 0; i < elements.size(); i++) {
            var element = elements.get(i);
            if (!element.isString()) {
                fail(element(field, i), "validation.type");
            } else if (!pattern.matcher(element.stringValue()).matches()) {
                fail(element(field, i), code);
            } else {
                strings.add(element.stringValue());
            }
        }
        return strings;
    }
}
