package io.offerdesk.shared;

import java.util.List;

/**
 * The caller has used up a quota, such as the number of unfinished change sets an account may have; nothing was
 * changed.
 *
 * @see #code() a message key naming the quota
 */
public class QuotaExceeded extends RuntimeException {

    private final String code;
    private final List<Object> arguments;

    public QuotaExceeded(String code, Object... arguments) {
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
