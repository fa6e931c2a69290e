package io.offerdesk.agreements.internal.web;

import io.offerdesk.agreements.AgreementRequest;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.Agreements.PurchaseOrder;
import io.offerdesk.agreements.PartyType;
import io.offerdesk.agreements.RefusalReason;
import io.offerdesk.agreements.internal.web.AgreementViews.TermsSnapshot;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * How a buyer accepts an offer in the browser: the offer page asks this controller whether (and why not) the user
 * can accept it; the quote form takes what the offer leaves open; the review page shows every charge of the quote
 * and accepts it. A refusal (an overlapping agreement, an expired quote) is shown on the page that was submitted,
 * with its reason, never as an error page. Quotes belong to the buyer party that asked for them: anyone else gets
 * the 404 page.
 */
@Controller
class BuyerAcceptancePages {

    private final Agreements agreements;
    private final OfferQueries offers;
    private final UserManagement users;
    private final AgreementViews views;

    BuyerAcceptancePages(Agreements agreements, OfferQueries offers, UserManagement users, AgreementViews views) {
        this.agreements = agreements;
        this.offers = offers;
        this.users = users;
        this.views = views;
    }

    /**
     * The accept button of the buyer's offer page (loaded into it by htmx), or why this user cannot accept: the offer
     * expired, the user is not in procurement; and the agreements already made from the offer.
     */
    @GetMapping("/buyer/offers/{offerId}/acceptance")
    String acceptance(OfferdeskPrincipal me, @PathVariable String offerId, Model model) {
        var offer = offers.forBuyer(me, offerId);
        var filter = AgreementSearchForm.ofOffer(offer.id().value()).toFilter(PartyType.ACCEPTOR);
        model.addAttribute("offer", offer);
        model.addAttribute("open", !offer.isExpired(offers.now()));
        model.addAttribute("procurement", me.has(Role.PROCUREMENT));
        model.addAttribute(
                "configurable", offer.term(ConfigurableUpfrontPricingTerm.class).isPresent());
        model.addAttribute(
                "accepted",
                agreements.search(me, filter, 0, Agreements.PAGE_MAX).agreements());
        return "agreements/fragments :: acceptance";
    }

    @GetMapping("/buyer/offers/{offerId}/quote")
    String quoteForm(OfferdeskPrincipal me, @PathVariable String offerId, Model model) {
        var offer = offers.forBuyer(me, offerId);
        return quoteForm(me, offer, QuoteForm.initial(offer, accounts(me, offer)), model);
    }

    @PostMapping("/buyer/offers/{offerId}/quote")
    String quote(
            OfferdeskPrincipal me,
            @PathVariable String offerId,
            @RequestParam Map<String, String> params,
            Model model) {
        var offer = offers.forBuyer(me, offerId);
        var form = QuoteForm.from(params);
        try {
            var quote = agreements.quote(me, form.toRequest(offer));
            return "redirect:/buyer/agreement-requests/" + quote.id().value();
        } catch (InvalidInput refused) {
            refusal(model, refused);
        }
        return quoteForm(me, offer, form, model);
    }

    @GetMapping("/buyer/agreement-requests/{requestId}")
    String review(OfferdeskPrincipal me, @PathVariable String requestId, Model model) {
        return review(me, agreements.request(me, requestId), Map.of(), model);
    }

    @PostMapping("/buyer/agreement-requests/{requestId}/accept")
    String accept(
            OfferdeskPrincipal me,
            @PathVariable String requestId,
            @RequestParam Map<String, String> params,
            Model model) {
        var request = agreements.request(me, requestId);
        var purchaseOrders = purchaseOrders(request, params);
        try {
            var agreement =
                    agreements.accept(me, requestId, purchaseOrders, "true".equals(params.get("eulaAcknowledged")));
            return "redirect:/buyer/agreements/" + agreement.id().value() + "?accepted";
        } catch (InvalidInput refused) {
            refusal(model, refused);
        } catch (Agreements.PurchaseDenied denied) {
            model.addAttribute("reason", "DENIED_BY_PRIVATE_MARKETPLACE_POLICY");
            model.addAttribute(
                    "violations",
                    List.of(FieldViolation.of("agreementRequestId", "agreement.DENIED_BY_PRIVATE_MARKETPLACE_POLICY")));
        }
        return review(me, agreements.request(me, requestId), params, model);
    }

    private String quoteForm(OfferdeskPrincipal me, Offer offer, QuoteForm form, Model model) {
        var product = views.product(offer.productId()).orElse(null);
        model.addAttribute("offer", offer);
        model.addAttribute("product", product);
        model.addAttribute("productTitle", product == null ? offer.productId() : product.title());
        model.addAttribute("sellerName", views.partyName(offer.sellerPartyId()));
        model.addAttribute("open", !offer.isExpired(offers.now()));
        model.addAttribute("procurement", me.has(Role.PROCUREMENT));
        model.addAttribute("accounts", accounts(me, offer));
        model.addAttribute("durations", QuoteForm.durations(offer));
        model.addAttribute("dimensions", QuoteForm.dimensions(offer));
        model.addAttribute("renewal", offer.term(RenewalTerm.class).isPresent());
        model.addAttribute("form", form);
        return "agreements/quote";
    }

    private String review(OfferdeskPrincipal me, AgreementRequest request, Map<String, String> entered, Model model) {
        var offer = offers.forBuyer(me, request.offerId());
        var product = views.product(offer.productId()).orElse(null);
        var charges = request.charges();
        model.addAttribute("request", request);
        model.addAttribute("accounts", agreements.accounts(request));
        model.addAttribute("offer", offer);
        model.addAttribute("product", product);
        model.addAttribute("productTitle", product == null ? offer.productId() : product.title());
        model.addAttribute("sellerName", views.partyName(offer.sellerPartyId()));
        model.addAttribute("now", offers.now());
        model.addAttribute("expired", request.isExpired(offers.now()));
        model.addAttribute("futureDated", charges.startTime().isAfter(request.createdAt()));
        model.addAttribute("procurement", me.has(Role.PROCUREMENT));
        model.addAttribute("entered", entered);
        model.addAttribute(
                "legal", TermsSnapshot.of(offer.id().value(), request.terms()).legalOnly());
        model.addAttribute(
                "chart",
                charges.expectedCharges().isEmpty()
                        ? null
                        : views.expectedChargesChart(charges.expectedCharges(), charges.currency()));
        return "agreements/review";
    }

    /** The accounts the user may accept the offer for: theirs, and for a private offer only the targeted ones. */
    private List<String> accounts(OfferdeskPrincipal me, Offer offer) {
        return users.accountsOf(me).stream()
                .filter(account -> !offer.isPrivate() || offer.buyerAccounts().contains(account))
                .map(AccountId::value)
                .toList();
    }

    /** The purchase-order fields ({@code po.<charge id>}) the buyer filled in, in the quote's charge order. */
    private static List<PurchaseOrder> purchaseOrders(AgreementRequest request, Map<String, String> params) {
        var orders = new ArrayList<PurchaseOrder>();
        for (var charge : request.charges().expectedCharges()) {
            var reference = params.get("po." + charge.id());
            if (reference != null && !reference.isBlank()) {
                orders.add(new PurchaseOrder(charge.id(), reference.strip()));
            }
        }
        return orders;
    }

    /** The violations for the form, and the AWS reason code when the refusal is one, shown next to the message. */
    private static void refusal(Model model, InvalidInput refused) {
        model.addAttribute("violations", refused.violations());
        model.addAttribute("reason", RefusalReason.of(refused).map(Enum::name).orElse(null));
    }
}
