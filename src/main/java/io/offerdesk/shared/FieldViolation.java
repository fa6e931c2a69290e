package io.offerdesk.shared;

import java.io.Serializable;
import java.util.List;

/**
 * One broken rule on one input field.
 *
 * @param field the path of the field in the request, e.g. {@code dimensions[2].key}
 * @param code a message key naming the rule, e.g. {@code validation.accountId}; translated for the reader
 * @param arguments values the message shows, such as a maximum length
 */
// Serializable: a form's violations are flash attributes, kept in the database-backed session (ADR 0043).
public record FieldViolation(String field, String code, List<Object> arguments) implements Serializable {

    public FieldViolation {
        arguments = List.copyOf(arguments);
    }

    public static FieldViolation of(String field, String code, Object... arguments) {
        return new FieldViolation(field, code, List.of(arguments));
    }
}
