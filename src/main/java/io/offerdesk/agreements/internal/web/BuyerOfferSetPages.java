package io.offerdesk.agreements.internal.web;

import io.offerdesk.agreements.AgreementRequest;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.OfferSetAcceptance;
import io.offerdesk.agreements.OfferSetAcceptance.Choice;
import io.offerdesk.agreements.RefusalReason;
import io.offerdesk.agreements.internal.web.AgreementViews.TermsSnapshot;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferSets;
import io.offerdesk.offers.Term.ConfigurableUpfrontPricingTerm;
import io.offerdesk.parties.UserManagement;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.AccountId;
import io.offerdesk.shared.FieldViolation;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.Role;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The buyer's review page of an offer set: every offer with its seller of record, publisher, EULA and charges, quoted
 * with what the buyer chose, and one button that accepts them all. Each offer's fields are named {@code o<n>.} and
 * the quote form's names ({@code o0.selectorValue}, {@code o0.quantity.users}); the account and the EULA
 * acknowledgement are shared.
 */
@Controller
class BuyerOfferSetPages {

    /**
     * One offer of the set on the page.
     *
     * @param quote absent while the offer needs a choice the buyer has not made, or when its quote was refused
     */
    record Member(
            String prefix,
            Offer offer,
            String productTitle,
            String sellerName,
            String publisherName,
            QuoteForm form,
            List<Period> durations,
            List<String> dimensions,
            @Nullable AgreementRequest quote,
            List<FieldViolation> refused,
            TermsSnapshot legal) {}

    private final OfferSets offerSets;
    private final Agreements agreements;
    private final OfferSetAcceptance acceptance;
    private final UserManagement users;
    private final AgreementViews views;

    BuyerOfferSetPages(
            OfferSets offerSets,
            Agreements agreements,
            OfferSetAcceptance acceptance,
            UserManagement users,
            AgreementViews views) {
        this.offerSets = offerSets;
        this.agreements = agreements;
        this.acceptance = acceptance;
        this.users = users;
        this.views = views;
    }

    /** The page as first shown, and again with the buyer's choices (posted, so the form carries its CSRF token). */
    @RequestMapping(
            value = "/buyer/offer-sets/{offerSetId}",
            method = {RequestMethod.GET, RequestMethod.POST})
    String review(
            OfferdeskPrincipal me,
            @PathVariable String offerSetId,
            @RequestParam Map<String, String> params,
            Model model) {
        return page(me, offerSetId, params, model);
    }

    @PostMapping("/buyer/offer-sets/{offerSetId}/accept")
    String accept(
            OfferdeskPrincipal me,
            @PathVariable String offerSetId,
            @RequestParam Map<String, String> params,
            Model model) {
        var set = offerSets.forBuyer(me, offerSetId);
        try {
            var choices = new ArrayList<Choice>();
            for (int i = 0; i < set.offers().size(); i++) {
                var offer = set.offers().get(i);
                var request = form(params, i).toRequest(offer);
                choices.add(new Choice(offer.id().value(), request.contract(), request.autoRenew()));
            }
            var made = acceptance.accept(
                    me,
                    offerSetId,
                    blankToNull(params.get("accountId")),
                    choices,
                    "true".equals(params.get("eulaAcknowledged")));
            model.addAttribute("accepted", made);
        } catch (InvalidInput refused) {
            model.addAttribute("violations", refused.violations());
            model.addAttribute(
                    "reason", RefusalReason.of(refused).map(Enum::name).orElse(null));
        } catch (Agreements.PurchaseDenied denied) {
            model.addAttribute("reason", "DENIED_BY_PRIVATE_MARKETPLACE_POLICY");
            model.addAttribute(
                    "violations",
                    List.of(FieldViolation.of("offerSetId", "agreement.DENIED_BY_PRIVATE_MARKETPLACE_POLICY")));
        }
        return page(me, offerSetId, params, model);
    }

    private String page(OfferdeskPrincipal me, String offerSetId, Map<String, String> params, Model model) {
        var set = offerSets.forBuyer(me, offerSetId);
        var accounts = accounts(me, set.offers());
        var account = blankToNull(params.get("accountId"));
        var members = new ArrayList<Member>();
        var accepted = model.containsAttribute("accepted");
        for (int i = 0; i < set.offers().size(); i++) {
            var offer = set.offers().get(i);
            var entered = form(params, i);
            var form = params.isEmpty() ? QuoteForm.initial(offer, accounts) : entered;
            AgreementRequest quote = null;
            List<FieldViolation> refused = List.of();
            var needsChoice = offer.term(ConfigurableUpfrontPricingTerm.class).isPresent()
                    && form.quantities().values().stream().allMatch(String::isBlank);
            if (!accepted && !needsChoice && me.has(Role.PROCUREMENT)) {
                try {
                    var request = form.toRequest(offer);
                    quote = agreements.quote(
                            me,
                            new Agreements.QuoteRequest(
                                    request.offerId(),
                                    account != null ? account : (accounts.size() == 1 ? accounts.getFirst() : null),
                                    null,
                                    null,
                                    null,
                                    request.contract(),
                                    request.autoRenew(),
                                    null));
                } catch (InvalidInput invalid) {
                    refused = invalid.violations();
                }
            }
            var product = views.product(offer.productId()).orElse(null);
            members.add(new Member(
                    "o" + i + ".",
                    offer,
                    product == null ? offer.productId() : product.title(),
                    views.partyName(offer.sellerPartyId()),
                    views.partyName(offer.publisherPartyId()),
                    form,
                    QuoteForm.durations(offer),
                    QuoteForm.dimensions(offer),
                    quote,
                    refused,
                    new TermsSnapshot(offer.id(), null, offer.terms()).legalOnly()));
        }
        model.addAttribute("set", set.set());
        model.addAttribute("members", members);
        model.addAttribute("accounts", accounts);
        model.addAttribute("account", account);
        model.addAttribute("procurement", me.has(Role.PROCUREMENT));
        model.addAttribute("sellerName", views.partyName(set.set().ownerPartyId()));
        return "agreements/offerSet";
    }

    /** One offer's fields of the form, without their {@code o<n>.} prefix, with the shared account. */
    private static QuoteForm form(Map<String, String> params, int index) {
        var prefix = "o" + index + ".";
        var own = new HashMap<String, String>();
        params.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                own.put(name.substring(prefix.length()), value);
            }
        });
        if (params.containsKey("accountId")) {
            own.put("accountId", params.get("accountId"));
        }
        return QuoteForm.from(own);
    }

    /** The accounts the user acts for that every offer of the set targets (they all target the same ones). */
    private List<String> accounts(OfferdeskPrincipal me, List<Offer> offers) {
        return users.accountsOf(me).stream()
                .filter(account ->
                        offers.stream().allMatch(o -> o.buyerAccounts().contains(account)))
                .map(AccountId::value)
                .toList();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
