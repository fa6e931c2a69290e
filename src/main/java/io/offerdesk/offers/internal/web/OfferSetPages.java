package io.offerdesk.offers.internal.web;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.changesets.ChangeSetOutcome;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferFilter;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.OfferSetActions;
import io.offerdesk.offers.OfferSets;
import io.offerdesk.offers.OfferState;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A seller's or channel partner's offer sets: the list, the composer that bundles draft private offers for the same
 * buyers (and may release them at once), and a set's page with its offers and the release button. Every change is a
 * change set, whose outcome the page shows.
 */
@Controller
class OfferSetPages {

    /** One offer of a set, or one draft to pick, with who sells and who publishes it. */
    record Row(Offer offer, String productTitle, String sellerOfRecord, String publisher) {}

    private final OfferSets sets;
    private final OfferSetActions actions;
    private final OfferQueries offers;
    private final CatalogManagement catalog;
    private final PartyManagement parties;
    private final ChangeSetSubmissions submissions;

    OfferSetPages(
            OfferSets sets,
            OfferSetActions actions,
            OfferQueries offers,
            CatalogManagement catalog,
            PartyManagement parties,
            ChangeSetSubmissions submissions) {
        this.sets = sets;
        this.actions = actions;
        this.offers = offers;
        this.catalog = catalog;
        this.parties = parties;
        this.submissions = submissions;
    }

    @GetMapping("/offer-sets")
    String list(OfferdeskPrincipal me, Model model) {
        model.addAttribute("sets", sets.offerSets(me, 0, OfferSets.PAGE_MAX).sets());
        model.addAttribute("authors", OfferComposer.mayAuthor(me));
        return "offers/offerSets";
    }

    @GetMapping("/offer-sets/new")
    String composer(OfferdeskPrincipal me, Model model) {
        return composer(me, "", "", List.of(), null, model);
    }

    @PostMapping("/offer-sets")
    String create(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String buyerNotes,
            @RequestParam(name = "offerId", required = false) @Nullable List<String> offerIds,
            @RequestParam(defaultValue = "false") boolean release,
            Model model) {
        requireAuthor(me);
        var picked = offerIds == null ? List.<String>of() : offerIds;
        var outcome = submissions.run(
                me, () -> actions.create(me, name, buyerNotes.isBlank() ? null : buyerNotes, picked, release));
        var created = outcome.succeeded() ? outcome.entityId(0) : java.util.Optional.<String>empty();
        if (created.isPresent()) {
            return "redirect:/offer-sets/" + created.get();
        }
        return composer(me, name, buyerNotes, picked, outcome, model);
    }

    @GetMapping("/offer-sets/{offerSetId}")
    String detail(OfferdeskPrincipal me, @PathVariable String offerSetId, Model model) {
        return detail(me, offerSetId, null, model);
    }

    @PostMapping("/offer-sets/{offerSetId}/release")
    String release(OfferdeskPrincipal me, @PathVariable String offerSetId, Model model) {
        requireAuthor(me);
        return detail(me, offerSetId, submissions.run(me, () -> actions.release(me, offerSetId)), model);
    }

    private String detail(OfferdeskPrincipal me, String offerSetId, @Nullable ChangeSetOutcome outcome, Model model) {
        var view = sets.offerSet(me, offerSetId);
        model.addAttribute("set", view.set());
        model.addAttribute("rows", view.offers().stream().map(this::row).toList());
        model.addAttribute("authors", OfferComposer.mayAuthor(me));
        model.addAttribute("outcome", outcome);
        return "offers/offerSet";
    }

    private String composer(
            OfferdeskPrincipal me,
            String name,
            String buyerNotes,
            List<String> picked,
            @Nullable ChangeSetOutcome outcome,
            Model model) {
        var filter = new OfferFilter(
                OfferState.DRAFT,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                OfferFilter.Sort.LAST_MODIFIED_DATE,
                false);
        var drafts = offers.offers(me, filter, 0, OfferQueries.PAGE_MAX).offers().stream()
                .filter(offer -> offer.isPrivate() && offer.offerSetId() == null)
                .map(this::row)
                .toList();
        model.addAttribute("drafts", drafts);
        model.addAttribute("name", name);
        model.addAttribute("buyerNotes", buyerNotes);
        model.addAttribute("picked", picked);
        model.addAttribute("outcome", outcome);
        return "offers/offerSetNew";
    }

    private Row row(Offer offer) {
        return new Row(
                offer,
                ProductId.parse(offer.productId())
                        .flatMap(catalog::find)
                        .map(Product::title)
                        .orElse(offer.productId()),
                name(offer.sellerPartyId()),
                name(offer.publisherPartyId()));
    }

    private String name(UUID partyId) {
        return parties.find(partyId).map(Party::name).orElse("");
    }

    private static void requireAuthor(OfferdeskPrincipal me) {
        if (!OfferComposer.mayAuthor(me)) {
            throw new AccessDeniedException("only administrators and offer authors change offer sets");
        }
    }
}
