package io.offerdesk.shared;

/**
 * A caller that proves who it is by something other than an API key or a session (a signed payload, for one) did not
 * prove it. Answered with 401; {@code code} is the message key that says what failed.
 */
public class Unauthenticated extends RuntimeException {

    private final String code;

    public Unauthenticated(String code) {
        super(code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
