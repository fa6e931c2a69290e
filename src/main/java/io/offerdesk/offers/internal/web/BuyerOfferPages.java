package io.offerdesk.offers.internal.web;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.Product;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.OfferQueries.BuyerTab;
import io.offerdesk.offers.OfferViews;
import io.offerdesk.offers.internal.EulaDownloads;
import io.offerdesk.offers.internal.OfferSettings;
import io.offerdesk.parties.Party;
import io.offerdesk.parties.PartyManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The buyer's private offers: the list on two tabs (available, and accepted or expired), one offer with all its
 * terms, its payment schedule and the time left to accept it, and its EULA. An offer the signed-in buyer may not see
 * answers the 404 page, whether it exists or not (AWS: a wrong account gets a 404).
 */
@Controller
class BuyerOfferPages {

    static final int PAGE_SIZE = 20;

    private final OfferQueries offers;
    private final OfferViews offerViews;
    private final PartyManagement parties;
    private final CatalogManagement catalog;
    private final OfferSettings settings;

    BuyerOfferPages(
            OfferQueries offers,
            OfferViews offerViews,
            PartyManagement parties,
            CatalogManagement catalog,
            OfferSettings settings) {
        this.offers = offers;
        this.offerViews = offerViews;
        this.parties = parties;
        this.catalog = catalog;
        this.settings = settings;
    }

    @GetMapping("/buyer/offers")
    String list(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "AVAILABLE") BuyerTab tab,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        var from = Math.max(0, offset);
        var page = offers.forBuyer(me, tab, from, PAGE_SIZE);
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", BuyerTab.values());
        model.addAttribute("views", views(page.offers()));
        model.addAttribute("offset", from);
        model.addAttribute("more", page.more());
        model.addAttribute("pageSize", PAGE_SIZE);
        return "buyer/offers";
    }

    @GetMapping("/buyer/offers/{offerId}")
    String offer(OfferdeskPrincipal me, @PathVariable String offerId, Model model) {
        model.addAttribute("view", views(List.of(offerViews.open(me, offerId))).getFirst());
        return "buyer/offer";
    }

    @GetMapping("/buyer/offers/{offerId}/eula")
    ResponseEntity<byte[]> eula(OfferdeskPrincipal me, @PathVariable String offerId) {
        return EulaDownloads.pdf(offers.buyerEula(me, offerId));
    }

    /** The offers with their sellers and products, each looked up once per page. */
    private List<BuyerOfferView> views(List<Offer> list) {
        var now = offers.now();
        Map<UUID, String> sellers = new HashMap<>();
        Map<String, Optional<Product>> products = new HashMap<>();
        return list.stream()
                .map(offer -> BuyerOfferView.of(
                        offer,
                        sellers.computeIfAbsent(offer.sellerPartyId(), this::sellerName),
                        sellers.computeIfAbsent(offer.publisherPartyId(), this::sellerName),
                        products.computeIfAbsent(offer.productId(), this::product)
                                .orElse(null),
                        now,
                        settings.expiringSoonDays()))
                .toList();
    }

    private String sellerName(UUID partyId) {
        return parties.find(partyId).map(Party::name).orElse("");
    }

    private Optional<Product> product(String productId) {
        return ProductId.parse(productId).flatMap(catalog::find);
    }
}
