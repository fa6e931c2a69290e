package io.offerdesk.offers.internal.rest;

import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.OfferQueries.BuyerTab;
import io.offerdesk.offers.OfferViews;
import io.offerdesk.offers.internal.EulaDownloads;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The private offers a buyer has received: those released to one of the accounts the user acts for. Any other offer
 * answers 404, whether it exists or not.
 */
@RestController
@RequestMapping("/api/v1/buyer/offers")
@Tag(name = "Buyer offers", description = "Private offers addressed to the buyer's accounts")
class BuyerOffersApi {

    private final OfferQueries offers;
    private final OfferViews views;

    BuyerOffersApi(OfferQueries offers, OfferViews views) {
        this.offers = offers;
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "Offers on a tab: AVAILABLE (soonest expiry first) or ACCEPTED_OR_EXPIRED")
    OffersApi.PageJson list(
            OfferdeskPrincipal me,
            @RequestParam(defaultValue = "AVAILABLE") BuyerTab tab,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit) {
        var page = offers.forBuyer(me, tab, offset, limit);
        var now = offers.now();
        return new OffersApi.PageJson(
                page.offers().stream()
                        .map(o -> OfferJson.summaryForBuyer(o, now))
                        .toList(),
                page.more());
    }

    @GetMapping("/{offerId}")
    @Operation(summary = "One offer with all its terms and its payment schedule")
    OfferJson one(OfferdeskPrincipal me, @PathVariable String offerId) {
        return OfferJson.forBuyer(views.open(me, offerId), offers.now());
    }

    @GetMapping("/{offerId}/eula")
    @Operation(summary = "The offer's custom EULA (PDF)")
    ResponseEntity<byte[]> eula(OfferdeskPrincipal me, @PathVariable String offerId) {
        return EulaDownloads.pdf(offers.buyerEula(me, offerId));
    }
}
