package io.offerdesk.offers;

import io.offerdesk.offers.internal.OfferRepository;
import io.offerdesk.offers.internal.OfferSetRepository;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.PartyKind;
import io.offerdesk.shared.Validations;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading offer sets. The owner (a seller or channel partner) reads its own sets, the operator all; a buyer reads a
 * released set whose offers target one of the accounts it acts for, with every offer in it. Everyone else is told a
 * set does not exist.
 */
@Service
public class OfferSets {

    public static final int PAGE_MAX = 100;

    /** A set with its offers in the set's order. */
    public record OfferSetView(OfferSet set, List<Offer> offers) {
        public OfferSetView {
            offers = List.copyOf(offers);
        }
    }

    public record OfferSetPage(List<OfferSet> sets, boolean more) {
        public OfferSetPage {
            sets = List.copyOf(sets);
        }
    }

    private final OfferSetRepository sets;
    private final OfferRepository offers;
    private final OfferQueries offerQueries;
    private final UserManagement users;

    OfferSets(OfferSetRepository sets, OfferRepository offers, OfferQueries offerQueries, UserManagement users) {
        this.sets = sets;
        this.offers = offers;
        this.offerQueries = offerQueries;
        this.users = users;
    }

    /** The owner's set (any set for the operator) with its offers. */
    @Transactional(readOnly = true)
    public OfferSetView offerSet(OfferdeskPrincipal me, String id) {
        var set = OfferSetId.parse(id)
                .flatMap(setId -> me.isOperator() ? sets.find(setId) : sets.find(me.partyId(), setId))
                .orElseThrow(() -> new NotFound("offer-set", id));
        return new OfferSetView(
                set,
                set.offerIds().stream()
                        .map(offerId -> offers.find(offerId).orElseThrow())
                        .toList());
    }

    /** The owner's sets, most recently changed first. */
    @Transactional(readOnly = true)
    public OfferSetPage offerSets(OfferdeskPrincipal me, int offset, int limit) {
        return offerSets(me, OfferSetFilter.RECENT_FIRST, offset, limit);
    }

    /** The owner's sets the filter selects, in its order (AWS ListEntities for {@code OfferSet}). */
    @Transactional(readOnly = true)
    public OfferSetPage offerSets(OfferdeskPrincipal me, OfferSetFilter filter, int offset, int limit) {
        Validations.checkPage(offset, limit, PAGE_MAX);
        var page = sets.list(me.partyId(), filter, offset, limit + 1);
        return new OfferSetPage(page.stream().limit(limit).toList(), page.size() > limit);
    }

    /**
     * The set as AWS {@code DescribeEntity} shows it in {@code DetailsDocument}: the members of the model's
     * {@code OfferSetSummary} and the buyer notes; the caller has read the set through an owner predicate.
     */
    public ObjectNode details(OfferSet set) {
        var details = JsonNodeFactory.instance.objectNode();
        details.put("Name", set.name());
        if (set.buyerNotes() != null) {
            details.put("BuyerNotes", set.buyerNotes());
        }
        details.put("State", set.state().wireName());
        if (set.releasedAt() != null) {
            details.put(
                    "ReleaseDate",
                    set.releasedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        var offerIds = details.putArray("AssociatedOfferIds");
        set.offerIds().forEach(id -> offerIds.add(id.value()));
        return details;
    }

    /** A released set the buyer may see, with its offers: each one is an offer the buyer may see. */
    @Transactional(readOnly = true)
    public OfferSetView forBuyer(OfferdeskPrincipal me, String id) {
        var set = OfferSetId.parse(id)
                .filter(setId -> me.partyKind() == PartyKind.BUYER)
                .flatMap(sets::find)
                .filter(found -> found.state() == OfferState.RELEASED)
                .orElseThrow(() -> new NotFound("offer-set", id));
        try {
            return new OfferSetView(
                    set,
                    set.offerIds().stream()
                            .map(offerId -> offerQueries.forBuyer(me, offerId.value()))
                            .toList());
        } catch (NotFound offerNotVisible) {
            throw new NotFound("offer-set", id);
        }
    }

    /** The released sets whose offers target one of the buyer's accounts, most recently released first. */
    @Transactional(readOnly = true)
    public OfferSetPage forBuyer(OfferdeskPrincipal me, int offset, int limit) {
        Validations.checkPage(offset, limit, PAGE_MAX);
        if (me.partyKind() != PartyKind.BUYER) {
            return new OfferSetPage(List.of(), false);
        }
        var page = sets.forBuyer(users.accountsOf(me), offset, limit + 1);
        return new OfferSetPage(page.stream().limit(limit).toList(), page.size() > limit);
    }
}
