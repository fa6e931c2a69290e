package io.offerdesk.catalog.internal.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads repeated rows from a form whose inputs are named like the API's field paths ({@code dimensions[2].key}), so
 * that a violation's field names the input it belongs to.
 */
final class FormRows {

    private FormRows() {}

    static String text(Map<String, String> params, String name) {
        var value = params.get(name);
        return value == null ? "" : value;
    }

    static @Nullable String orNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A whole number, or nothing when the field is blank or not a number (the command then reports it missing). */
    static @Nullable Integer integer(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static @Nullable Long longValue(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static <E extends Enum<E>> @Nullable E enumValue(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(value.trim()))
                .findFirst()
                .orElse(null);
    }

    /** Comma-separated tags, as typed in one input. */
    static @Nullable List<String> commaSeparated(String text) {
        if (text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** One entry per non-blank line, as typed in a text area. */
    static @Nullable List<String> lines(String text) {
        if (text.isBlank()) {
            return null;
        }
        return text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
