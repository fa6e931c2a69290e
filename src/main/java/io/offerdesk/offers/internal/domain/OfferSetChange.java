package io.offerdesk.offers.internal.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One change to an offer set, as a change set's {@code ChangeType} and {@code DetailsDocument} describe it (AWS's
 * {@code OfferSet@1.0} change types, without the solution associations, which Offerdesk has no solutions for). The
 * shape is already checked; whether the change may be made is decided by {@link OfferSetDecisions}.
 */
public sealed interface OfferSetChange {

    default String changeType() {
        return getClass().getSimpleName();
    }

    record CreateOfferSet(String name, @Nullable String buyerNotes) implements OfferSetChange {}

    /** Absent members keep their value. */
    record UpdateInformation(
            @Nullable String name, @Nullable String buyerNotes) implements OfferSetChange {}

    /** @param offerIds offer ids as the seller wrote them; whether they are the seller's offers is decided later */
    record AssociateOffers(List<String> offerIds) implements OfferSetChange {
        public AssociateOffers {
            offerIds = List.copyOf(offerIds);
        }
    }

    record DisassociateOffers(List<String> offerIds) implements OfferSetChange {
        public DisassociateOffers {
            offerIds = List.copyOf(offerIds);
        }
    }

    /** Releases the set and, with it, every offer in it. */
    record ReleaseOfferSet() implements OfferSetChange {}
}
