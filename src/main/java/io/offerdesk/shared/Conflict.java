package io.offerdesk.shared;

import java.util.List;

/** The request is well-formed but clashes with the current state, e.g. a duplicate email or product code. */
public class Conflict extends RuntimeException {

    private final String code;
    private final List<Object> arguments;

    public Conflict(String code, Object... arguments) {
        super(code);
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
