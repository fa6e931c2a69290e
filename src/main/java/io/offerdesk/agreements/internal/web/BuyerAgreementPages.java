package io.offerdesk.agreements.internal.web;

import io.offerdesk.agreements.AgreementFilter;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.Entitlements;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.agreements.internal.web.requests.RequestViews;
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
    private final Entitlements entitlements;
    private final RequestViews requests;

    BuyerAgreementPages(
            Agreements agreements,
            OfferQueries offers,
            AgreementViews views,
            Entitlements entitlements,
            RequestViews requests) {
        this.entitlements = entitlements;
        this.requests = requests;
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
        var from = Math.max(0, offset);
        var page = agreements.search(me, filter.toFilter(PartyType.ACCEPTOR), from, PAGE_SIZE);
        model.addAttribute("views", views.views(page.agreements()));
        model.addAttribute("more", page.more());
        model.addAttribute("now", offers.now());
        model.addAttribute("offset", from);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("statuses", AgreementSearchForm.STATUSES);
        model.addAttribute("sorts", AgreementFilter.Sort.values());
        model.addAttribute("products", products(me));
        return "agreements/buyerList";
    }

    @GetMapping("/buyer/agreements/{agreementId}")
    String agreement(OfferdeskPrincipal me, @PathVariable String agreementId, Model model) {
        var agreement = agreements.agreement(me, agreementId);
        if (me.partyKind() != PartyKind.BUYER) {
            throw new NotFound("agreement", agreementId);
        }
        views.detail(agreement, offers.now(), model);
        model.addAttribute("entitlements", entitlements.entitlements(me, agreementId));
        requests.addTo(model, me, agreement);
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
