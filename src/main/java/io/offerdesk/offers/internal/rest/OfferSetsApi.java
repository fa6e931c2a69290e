package io.offerdesk.offers.internal.rest;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.OfferSetActions;
import io.offerdesk.offers.OfferSets;
import io.offerdesk.offers.OfferSets.OfferSetView;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Offer sets for their owner (a seller or channel partner) and for the buyers their offers target. Every write starts
 * a change set (202); the same changes may be sent to {@code POST /api/v1/change-sets} as {@code OfferSet@1.0} changes.
 * A buyer accepts a set at {@code POST /api/v1/buyer/offer-sets/{id}/accept}.
 */
@RestController
@Tag(name = "Offer sets", description = "Private offers for the same buyers, accepted together in one step")
class OfferSetsApi {

    record CreateRequest(
            String name,
            @Nullable String buyerNotes,
            @Nullable List<String> offerIds,
            boolean release) {}

    record OffersRequest(
            @Nullable List<String> add, @Nullable List<String> remove) {}

    record SetJson(
            String offerSetId,
            String name,
            @Nullable String buyerNotes,
            String state,
            @Nullable Instant releaseDate,
            Instant lastModifiedDate,
            List<String> associatedOfferIds) {}

    /**
     * One offer of a set as its reader sees it: the seller of record is the offer's owner, the publisher the product's
     * owner (they differ for a channel partner private offer).
     */
    record MemberJson(
            String offerId,
            @Nullable String offerName,
            String state,
            @Nullable Instant expirationTime,
            String productId,
            String productName,
            String sellerOfRecord,
            String publisher) {}

    record DetailJson(SetJson offerSet, List<MemberJson> offers) {}

    record PageJson(List<SetJson> offerSets, boolean more) {}

    private final OfferSets sets;
    private final OfferSetActions actions;
    private final CatalogManagement catalog;
    private final PartyManagement parties;

    OfferSetsApi(OfferSets sets, OfferSetActions actions, CatalogManagement catalog, PartyManagement parties) {
        this.sets = sets;
        this.actions = actions;
        this.catalog = catalog;
        this.parties = parties;
    }

    @GetMapping("/api/v1/offer-sets")
    @Operation(summary = "The caller's offer sets, most recently changed first")
    PageJson list(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit) {
        var page = sets.offerSets(me, offset, limit);
        return new PageJson(page.sets().stream().map(OfferSetsApi::set).toList(), page.more());
    }

    @GetMapping("/api/v1/offer-sets/{offerSetId}")
    @Operation(summary = "One of the caller's offer sets with its offers")
    DetailJson one(OfferdeskPrincipal me, @PathVariable String offerSetId) {
        return detail(sets.offerSet(me, offerSetId));
    }

    @PostMapping("/api/v1/offer-sets")
    @Operation(
            summary = "Create an offer set from draft private offers (CreateOfferSet, AssociateOffers and, with"
                    + " release, ReleaseOfferSet in one change set; 202)")
    ResponseEntity<StartedChangeSetJson> create(OfferdeskPrincipal me, @RequestBody CreateRequest request) {
        return StartedChangeSetJson.accepted(actions.create(
                me,
                request.name(),
                request.buyerNotes(),
                request.offerIds() == null ? List.of() : request.offerIds(),
                request.release()));
    }

    @PostMapping("/api/v1/offer-sets/{offerSetId}/offers")
    @Operation(summary = "Add offers to a draft offer set and remove others (AssociateOffers, DisassociateOffers; 202)")
    ResponseEntity<StartedChangeSetJson> offers(
            OfferdeskPrincipal me, @PathVariable String offerSetId, @RequestBody OffersRequest request) {
        return StartedChangeSetJson.accepted(actions.changeOffers(
                me,
                offerSetId,
                request.add() == null ? List.of() : request.add(),
                request.remove() == null ? List.of() : request.remove()));
    }

    @PostMapping("/api/v1/offer-sets/{offerSetId}/release")
    @Operation(summary = "Release the offer set and, with it, its offers (ReleaseOfferSet; 202)")
    ResponseEntity<StartedChangeSetJson> release(OfferdeskPrincipal me, @PathVariable String offerSetId) {
        return StartedChangeSetJson.accepted(actions.release(me, offerSetId));
    }

    @GetMapping("/api/v1/buyer/offer-sets")
    @Operation(summary = "The released offer sets whose offers target one of the buyer's accounts")
    PageJson forBuyer(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit) {
        var page = sets.forBuyer(me, offset, limit);
        return new PageJson(page.sets().stream().map(OfferSetsApi::set).toList(), page.more());
    }

    @GetMapping("/api/v1/buyer/offer-sets/{offerSetId}")
    @Operation(summary = "A released offer set the buyer may accept, with every offer's seller of record and publisher")
    DetailJson oneForBuyer(OfferdeskPrincipal me, @PathVariable String offerSetId) {
        return detail(sets.forBuyer(me, offerSetId));
    }

    private DetailJson detail(OfferSetView view) {
        return new DetailJson(
                set(view.set()), view.offers().stream().map(this::member).toList());
    }

    private MemberJson member(Offer offer) {
        return new MemberJson(
                offer.id().value(),
                offer.name(),
                offer.state().wireName(),
                offer.expiresAt(),
                offer.productId(),
                ProductId.parse(offer.productId())
                        .flatMap(catalog::find)
                        .map(Product::title)
                        .orElse(offer.productId()),
                name(offer.sellerPartyId()),
                name(offer.publisherPartyId()));
    }

    private String name(UUID partyId) {
        return parties.find(partyId).map(Party::name).orElse(partyId.toString());
    }

    private static SetJson set(io.offerdesk.offers.OfferSet set) {
        return new SetJson(
                set.id().value(),
                set.name(),
                set.buyerNotes(),
                set.state().wireName(),
                set.releasedAt(),
                set.lastModifiedAt(),
                set.offerIds().stream().map(OfferId::value).toList());
    }
}
