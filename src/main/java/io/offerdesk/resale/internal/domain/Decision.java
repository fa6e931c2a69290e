package io.offerdesk.resale.internal.domain;

import io.offerdesk.changesets.ChangeError;
import io.offerdesk.resale.ResaleAuthorization;
import java.util.List;

/** The outcome of deciding a change: the authorization as it would be, or every rule the change broke. */
public sealed interface Decision {

    record Accepted(ResaleAuthorization next) implements Decision {}

    record Rejected(List<ChangeError> errors) implements Decision {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one error");
            }
        }
    }
}
