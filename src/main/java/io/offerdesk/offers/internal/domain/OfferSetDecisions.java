package io.offerdesk.offers.internal.domain;

import static io.offerdesk.offers.internal.domain.OfferErrorCode.INCOMPATIBLE_PRODUCT;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INCOMPATIBLE_TARGETING;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INVALID_UPDATE_REQUEST;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.TOO_MANY_OFFERS;

import io.offerdesk.changesets.ChangeError;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.OfferSet;
import io.offerdesk.offers.OfferSetId;
import io.offerdesk.offers.OfferState;
import io.offerdesk.offers.internal.domain.OfferSetChange.AssociateOffers;
import io.offerdesk.offers.internal.domain.OfferSetChange.CreateOfferSet;
import io.offerdesk.offers.internal.domain.OfferSetChange.DisassociateOffers;
import io.offerdesk.offers.internal.domain.OfferSetChange.ReleaseOfferSet;
import io.offerdesk.offers.internal.domain.OfferSetChange.UpdateInformation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides a change against the current offer set, with AWS's rules for offer sets: 2 to 7 private offers of the set's
 * owner, all for the same buyer accounts; offers join and leave while the set and they are drafts; releasing the set
 * releases its offers, so a buyer never sees one without the others. Pure: the caller loads the offers.
 *
 * <p>Offerdesk adds one rule: the offers are for different products. A buyer account holds one agreement per product,
 * so a set with two offers for one product could never be accepted whole.
 */
public final class OfferSetDecisions {

    private OfferSetDecisions() {}

    /**
     * Everything outside the set a decision needs.
     *
     * @param offers the owner's offers by id: every offer the change names and every offer now in the set; an id
     *     missing here is not one of the owner's offers
     */
    public record Context(Instant now, UUID ownerPartyId, Supplier<OfferSetId> newId, Map<String, Offer> offers) {
        public Context {
            offers = Map.copyOf(offers);
        }
    }

    /** The outcome: the set after the change and the offers whose membership it changed, or the broken rules. */
    public sealed interface Outcome {
        /**
         * @param offers the offers to store with their new {@code offerSetId}; for a release, the offers to release
         */
        record Accepted(OfferSet next, List<Offer> offers) implements Outcome {
            public Accepted {
                offers = List.copyOf(offers);
            }
        }

        record Rejected(List<ChangeError> errors) implements Outcome {
            public Rejected {
                errors = List.copyOf(errors);
            }
        }
    }

    /**
     * @param current the set as stored; absent only for {@code CreateOfferSet}
     * @throws IllegalArgumentException when {@code current} is absent for a change to a set, or present for a create
     */
    public static Outcome decide(@Nullable OfferSet current, OfferSetChange change, Context context) {
        if ((current == null) != (change instanceof CreateOfferSet)) {
            throw new IllegalArgumentException(change.changeType() + " with current set " + current);
        }
        return switch (change) {
            case CreateOfferSet create ->
                new Outcome.Accepted(
                        OfferSet.draft(context.newId().get(), context.ownerPartyId(), create.name(), context.now())
                                .withInformation(create.name(), create.buyerNotes()),
                        List.of());
            case UpdateInformation update -> {
                var set = Objects.requireNonNull(current);
                yield new Outcome.Accepted(
                        set.withInformation(
                                update.name() != null ? update.name() : set.name(),
                                update.buyerNotes() != null ? update.buyerNotes() : set.buyerNotes()),
                        List.of());
            }
            case AssociateOffers associate -> associate(Objects.requireNonNull(current), associate, context);
            case DisassociateOffers disassociate ->
                disassociate(Objects.requireNonNull(current), disassociate, context);
            case ReleaseOfferSet release -> release(Objects.requireNonNull(current), context);
        };
    }

    private static Outcome associate(OfferSet set, AssociateOffers change, Context context) {
        var errors = new Errors();
        draft(set, errors);
        var joining = new ArrayList<Offer>();
        var named = new HashSet<String>();
        for (var id : change.offerIds()) {
            if (!named.add(id)) {
                errors.add(INVALID_UPDATE_REQUEST, "Offer %s is named twice.", id);
                continue;
            }
            var offer = context.offers().get(id);
            if (offer == null) {
                errors.add(INVALID_UPDATE_REQUEST, "Offer %s not found. An offer set holds your own offers.", id);
                continue;
            }
            if (set.id().value().equals(offer.offerSetId())) {
                errors.add(INVALID_UPDATE_REQUEST, "Offer %s is already in offer set %s.", id, set.id());
            } else if (offer.offerSetId() != null) {
                errors.add(
                        INVALID_UPDATE_REQUEST,
                        "Offer %s is in offer set %s; an offer belongs to one offer set.",
                        id,
                        offer.offerSetId());
            } else if (offer.state() != OfferState.DRAFT) {
                errors.add(
                        INVALID_UPDATE_REQUEST,
                        "Offer %s is released; only draft offers join an offer set, which releases them.",
                        id);
            } else if (!offer.isPrivate()) {
                errors.add(
                        INCOMPATIBLE_TARGETING,
                        "Offer %s targets no buyer accounts; an offer set holds private" + " offers.",
                        id);
            } else {
                joining.add(offer);
            }
        }
        var members = new ArrayList<>(members(set, context));
        members.addAll(joining);
        errors.check(
                set.offerIds().size() + change.offerIds().size() <= OfferSet.MAX_OFFERS,
                TOO_MANY_OFFERS,
                "An offer set holds at most %s offers.",
                OfferSet.MAX_OFFERS);
        checkTogether(members, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Rejected(errors.list());
        }
        var ids = new ArrayList<>(set.offerIds());
        joining.forEach(offer -> ids.add(offer.id()));
        return new Outcome.Accepted(
                set.withOffers(ids),
                joining.stream()
                        .map(offer -> offer.withOfferSetId(set.id().value()))
                        .toList());
    }

    private static Outcome disassociate(OfferSet set, DisassociateOffers change, Context context) {
        var errors = new Errors();
        draft(set, errors);
        var leaving = new LinkedHashSet<OfferId>();
        for (var id : change.offerIds()) {
            var member = set.offerIds().stream()
                    .filter(offerId -> offerId.value().equals(id))
                    .findFirst();
            if (member.isEmpty()) {
                errors.add(INVALID_UPDATE_REQUEST, "Offer %s is not in offer set %s.", id, set.id());
            } else if (!leaving.add(member.get())) {
                errors.add(INVALID_UPDATE_REQUEST, "Offer %s is named twice.", id);
            }
        }
        if (!errors.isEmpty()) {
            return new Outcome.Rejected(errors.list());
        }
        return new Outcome.Accepted(
                set.withOffers(set.offerIds().stream()
                        .filter(id -> !leaving.contains(id))
                        .toList()),
                leaving.stream()
                        .map(id -> context.offers().get(id.value()))
                        .filter(Objects::nonNull)
                        .map(offer -> offer.withOfferSetId(null))
                        .toList());
    }

    private static Outcome release(OfferSet set, Context context) {
        var errors = new Errors();
        draft(set, errors);
        var members = members(set, context);
        errors.check(
                members.size() >= OfferSet.MIN_OFFERS && members.size() <= OfferSet.MAX_OFFERS,
                INVALID_UPDATE_REQUEST,
                "An offer set is released with %s to %s offers; it holds %s.",
                OfferSet.MIN_OFFERS,
                OfferSet.MAX_OFFERS,
                members.size());
        for (var offer : members) {
            errors.check(
                    offer.state() == OfferState.DRAFT,
                    INVALID_UPDATE_REQUEST,
                    "Offer %s is already released; the offers of a set are released with it. Disassociate it first.",
                    offer.id());
        }
        // Targeting may have changed since the offers joined.
        checkTogether(members, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Rejected(errors.list());
        }
        return new Outcome.Accepted(set.released(context.now()), members);
    }

    private static void draft(OfferSet set, Errors errors) {
        errors.check(
                set.state() == OfferState.DRAFT,
                INVALID_UPDATE_REQUEST,
                "Offer set %s is released; its offers can no longer change.",
                set.id());
    }

    /** The set's offers as they are now, in the set's order. */
    private static List<Offer> members(OfferSet set, Context context) {
        return set.offerIds().stream()
                .map(id -> Objects.requireNonNull(
                        context.offers().get(id.value()), () -> "offer " + id + " of set " + set.id() + " not loaded"))
                .toList();
    }

    /** The offers target the same buyer accounts and are for different products. */
    private static void checkTogether(List<Offer> offers, Errors errors) {
        if (offers.isEmpty()) {
            return;
        }
        var buyers = new HashSet<>(offers.getFirst().buyerAccounts());
        var products = new HashSet<String>();
        for (var offer : offers) {
            if (!new HashSet<>(offer.buyerAccounts()).equals(buyers)) {
                errors.add(
                        INCOMPATIBLE_TARGETING,
                        "Offer %s targets other buyer accounts than offer %s; the offers of a set target the same"
                                + " buyers.",
                        offer.id(),
                        offers.getFirst().id());
            }
            if (!products.add(offer.productId())) {
                errors.add(
                        INCOMPATIBLE_PRODUCT,
                        "Offer %s is for product %s, as another offer of the set is; a buyer holds one agreement per"
                                + " product.",
                        offer.id(),
                        offer.productId());
            }
        }
    }
}
