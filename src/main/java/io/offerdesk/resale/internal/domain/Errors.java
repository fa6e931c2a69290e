package io.offerdesk.resale.internal.domain;

import io.offerdesk.changesets.ChangeError;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects the broken rules of one change, so that the ISV learns all of them at once. */
final class Errors {

    private final List<ChangeError> errors = new ArrayList<>();

    // Messages are constant format strings written in this package.
    @SuppressWarnings("AnnotateFormatMethod")
    void add(ResaleErrorCode code, String message, @Nullable Object... arguments) {
        errors.add(new ChangeError(code.name(), message.formatted(arguments)));
    }

    @SuppressWarnings("AnnotateFormatMethod")
    void check(boolean holds, ResaleErrorCode code, String message, @Nullable Object... arguments) {
        if (!holds) {
            add(code, message, arguments);
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<ChangeError> list() {
        return List.copyOf(errors);
    }
}
