package io.offerdesk.offers.internal.domain;

import io.offerdesk.changesets.ChangeError;
import io.offerdesk.offers.Offer;
import java.util.List;

/** The outcome of deciding a change against an offer: the offer as it would be, or every rule the change broke. */
public sealed interface Decision {

    /** The change may be made; {@code next} is the offer after it, with the revision still to be bumped by the store. */
    record Accepted(Offer next) implements Decision {}

    record Rejected(List<ChangeError> errors) implements Decision {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one error");
            }
        }
    }
}
