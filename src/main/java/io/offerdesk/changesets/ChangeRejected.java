package io.offerdesk.changesets;

import java.util.List;

/** A change broke business rules; the change set fails with {@code CLIENT_ERROR} and nothing of it is kept. */
public class ChangeRejected extends RuntimeException {

    private final List<ChangeError> errors;

    public ChangeRejected(List<ChangeError> errors) {
        super(errors.toString());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public ChangeRejected(String code, String message) {
        this(List.of(new ChangeError(code, message)));
    }

    public List<ChangeError> errors() {
        return errors;
    }
}
