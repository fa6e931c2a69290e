package io.offerdesk.offers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A set of private offers of one seller (or channel partner) for the same buyers, which the buyer reviews and accepts
 * in one step, getting one agreement per offer: AWS Marketplace's {@code OfferSet@1.0}.
 *
 * @param ownerPartyId the seller or channel partner that owns the set and every offer in it
 * @param buyerNotes what the buyer reads about the set as a whole
 * @param offerIds the associated offers in the order they were associated
 * @param revision increases with every change set that changes the set
 */
public record OfferSet(
        OfferSetId id,
        UUID ownerPartyId,
        String name,
        @Nullable String buyerNotes,
        OfferState state,
        List<OfferId> offerIds,
        @Nullable Instant releasedAt,
        Instant createdAt,
        Instant lastModifiedAt,
        long revision) {

    /** The entity type of offer sets in change sets, as AWS names it. */
    public static final String ENTITY_TYPE = "OfferSet@1.0";

    /** A released set holds at least this many offers, and no set more than {@link #MAX_OFFERS}. */
    public static final int MIN_OFFERS = 2;

    public static final int MAX_OFFERS = 7;

    public static final int NAME_MAX = 150;

    public static final int BUYER_NOTES_MAX = 2000;

    public OfferSet {
        offerIds = List.copyOf(offerIds);
    }

    /** A fresh draft without offers, revision 0 until it is first stored. */
    public static OfferSet draft(OfferSetId id, UUID ownerPartyId, String name, Instant now) {
        return new OfferSet(id, ownerPartyId, name, null, OfferState.DRAFT, List.of(), null, now, now, 0);
    }

    public OfferSet withInformation(String name, @Nullable String buyerNotes) {
        return new OfferSet(
                id, ownerPartyId, name, buyerNotes, state, offerIds, releasedAt, createdAt, lastModifiedAt, revision);
    }

    public OfferSet withOffers(List<OfferId> offers) {
        return new OfferSet(
                id, ownerPartyId, name, buyerNotes, state, offers, releasedAt, createdAt, lastModifiedAt, revision);
    }

    public OfferSet released(Instant now) {
        return new OfferSet(
                id,
                ownerPartyId,
                name,
                buyerNotes,
                OfferState.RELEASED,
                offerIds,
                now,
                createdAt,
                lastModifiedAt,
                revision);
    }

    public OfferSet modifiedAt(Instant now) {
        return new OfferSet(id, ownerPartyId, name, buyerNotes, state, offerIds, releasedAt, createdAt, now, revision);
    }

    public OfferSet withRevision(long next) {
        return new OfferSet(
                id, ownerPartyId, name, buyerNotes, state, offerIds, releasedAt, createdAt, lastModifiedAt, next);
    }
}
