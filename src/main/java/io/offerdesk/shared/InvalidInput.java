package io.offerdesk.shared;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a domain rule. Nothing was changed; the violations say which field broke which rule. */
public class InvalidInput extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidInput(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.code()).collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("InvalidInput needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(String field, String code, Object... arguments) {
        this(List.of(FieldViolation.of(field, code, arguments)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
