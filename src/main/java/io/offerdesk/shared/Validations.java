package io.offerdesk.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects the field violations of one command so that a caller learns every broken rule at once, then throws them
 * together as {@link InvalidInput}.
 */
public final class Validations {

    private final List<FieldViolation> violations = new ArrayList<>();

    public Validations required(String field, @Nullable Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            violations.add(FieldViolation.of(field, "validation.required"));
        }
        return this;
    }

    public Validations maxLength(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(FieldViolation.of(field, "validation.maxLength", max));
        }
        return this;
    }

    public Validations text(String field, @Nullable String value, int max) {
        return required(field, value).maxLength(field, value, max);
    }

    public Validations matches(String field, @Nullable String value, Pattern pattern, String code) {
        if (value != null && !value.isBlank() && !pattern.matcher(value).matches()) {
            violations.add(FieldViolation.of(field, code));
        }
        return this;
    }

    public Validations check(boolean holds, String field, String code, Object... arguments) {
        if (!holds) {
            violations.add(FieldViolation.of(field, code, arguments));
        }
        return this;
    }

    public Validations add(FieldViolation violation) {
        violations.add(violation);
        return this;
    }

    /** Rejects a page of a list that cannot be served, naming the parameter: offset from 0, limit 1 to {@code max}. */
    public static void checkPage(int offset, int limit, int max) {
        if (offset < 0) {
            throw new InvalidInput("offset", "validation.range", 0, Integer.MAX_VALUE);
        }
        if (limit < 1 || limit > max) {
            throw new InvalidInput("limit", "validation.range", 1, max);
        }
    }

    /** A value that earlier checks proved present; reports it as missing otherwise. */
    public static <T> T present(String field, @Nullable T value) {
        if (value == null) {
            throw new InvalidInput(field, "validation.required");
        }
        return value;
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }
}
