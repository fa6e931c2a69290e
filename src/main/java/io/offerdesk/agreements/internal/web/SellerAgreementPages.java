package io.offerdesk.agreements.internal.web;

import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.PartyKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The seller's agreements: the list with SearchAgreements' filters from the proposer's side and a chart of the value
 * accepted per month, one agreement with the acceptor's account, and the count of agreements on the seller's offer
 * page. The operator reads any agreement here by its id but has no list: SearchAgreements looks from one party's
 * side, and the operator is neither. Another seller gets the 404 page; a buyer is sent to its own agreement page.
 */
@Controller
class SellerAgreementPages {

    static final int PAGE_SIZE = 20;

    private final Agreements agreements;
    private final CatalogManagement catalog;
    private final OfferQueries offers;
    private final AgreementViews views;

    SellerAgreementPages(Agreements agreements, CatalogManagement catalog, OfferQueries offers, AgreementViews views) {
        this.agreements = agreements;
        this.catalog = catalog;
        this.offers = offers;
        this.views = views;
    }

    @GetMapping("/agreements")
    String list(
            OfferdeskPrincipal me,
            @ModelAttribute("filter") AgreementSearchForm filter,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        var search = filter.toFilter(PartyType.PROPOSER);
        views.list(me, search, offset, PAGE_SIZE, offers.now(), model);
        model.addAttribute("products", products(me));
        // The chart covers the first agreements the filter finds, up to a page of the API's maximum.
        model.addAttribute(
                "chart",
                views.valueByMonthChart(
                        agreements.search(me, search, 0, Agreements.PAGE_MAX).agreements()));
        return "agreements/sellerList";
    }

    @GetMapping("/agreements/{agreementId}")
    String agreement(OfferdeskPrincipal me, @PathVariable String agreementId, Model model) {
        var agreement = agreements.agreement(me, agreementId);
        if (me.partyKind() == PartyKind.BUYER) {
            return "redirect:/buyer/agreements/" + agreement.id().value();
        }
        views.page(me, agreement, offers.now(), model);
        model.addAttribute("operator", me.isOperator());
        // The ISV of a product a partner resold reads the wholesale side; only the seller of record acts on it.
        model.addAttribute("publisherOnly", !me.isOperator() && !me.partyId().equals(agreement.proposerPartyId()));
        return "agreements/sellerDetail";
    }

    /** The link to the agreements made from one of the seller's offers, loaded into its offer page by htmx. */
    @GetMapping("/offers/{offerId}/agreements-link")
    String offerAgreements(OfferdeskPrincipal me, @PathVariable String offerId, Model model) {
        var page = agreements.search(
                me, AgreementSearchForm.ofOffer(offerId).toFilter(PartyType.PROPOSER), 0, Agreements.PAGE_MAX);
        model.addAttribute("offerId", offerId);
        model.addAttribute("count", page.agreements().size());
        model.addAttribute("more", page.more());
        return "agreements/fragments :: offerAgreements";
    }

    private Map<String, String> products(OfferdeskPrincipal me) {
        var products = new LinkedHashMap<String, String>();
        catalog.productsOf(me.partyId()).forEach(p -> products.put(p.id().value(), p.title()));
        return products;
    }
}
