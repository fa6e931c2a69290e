package io.offerdesk.agreements.internal.web;

import io.offerdesk.agreements.AgreementFilter;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
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
 * The buyer's agreements: the list, filtered like SearchAgreements from the acceptor's side, and one agreement with
 * its accepted terms and charges. Only the buyer party that accepted an agreement reads it here (the seller has its
 * own page); everyone else gets the 404 page.
 */
@Controller
class BuyerAgreementPages {

    static final int PAGE_SIZE = 20;

    private final Agreements agreements;
    private final OfferQueries offers;
    private final AgreementViews views;

    BuyerAgreementPages(Agreements agreements, OfferQueries offers, AgreementViews views) {
        this.agreements = agreements;
        this.offers = offers;
        this.views = views;
    }

    @GetMapping("/buyer/agreements")
    String list(
            OfferdeskPrincipal me,
            @ModelAttribute("filter") AgreementSearchForm filter,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        views.list(me, filter.toFilter(PartyType.ACCEPTOR), offset, PAGE_SIZE, offers.now(), model);
        model.addAttribute("products", products(me));
        return "agreements/buyerList";
    }

    @GetMapping("/buyer/agreements/{agreementId}")
    String agreement(OfferdeskPrincipal me, @PathVariable String agreementId, Model model) {
        var agreement = agreements.agreement(me, agreementId);
        if (me.partyKind() != PartyKind.BUYER) {
            throw new NotFound("agreement", agreementId);
        }
        views.page(me, agreement, offers.now(), model);
        return "agreements/buyerDetail";
    }

    /** The products the buyer holds agreements for, by title, for the product filter. */
    private Map<String, String> products(OfferdeskPrincipal me) {
        var products = new LinkedHashMap<String, String>();
        views.views(agreements
                        .search(me, AgreementFilter.of(PartyType.ACCEPTOR), 0, Agreements.PAGE_MAX)
                        .agreements())
                .forEach(view -> products.putIfAbsent(view.agreement().productId(), view.productTitle()));
        return products;
    }
}
