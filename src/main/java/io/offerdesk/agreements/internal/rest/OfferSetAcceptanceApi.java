package io.offerdesk.agreements.internal.rest;

import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.OfferSetAcceptance;
import io.offerdesk.agreements.OfferSetAcceptance.Choice;
import io.offerdesk.agreements.TermConfiguration.ContractConfiguration;
import io.offerdesk.agreements.TermConfiguration.DimensionQuantity;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A buyer accepts a released offer set in one step: one agreement per offer, all or none. */
@RestController
@Tag(name = "Agreements", description = "Quotes, acceptance and agreements for buyers and sellers")
class OfferSetAcceptanceApi {

    /**
     * @param offers what the buyer chose for the offers that take a choice (a configurable contract's duration and
     *     quantities, automatic renewal); the others are accepted as they are
     */
    record AcceptBody(@Nullable String accountId, @Nullable List<OfferChoice> offers, boolean eulaAcknowledged) {}

    record OfferChoice(
            String offerId,
            @Nullable Period selectorValue,
            @Nullable Map<String, Integer> dimensions,
            @Nullable Boolean autoRenew) {}

    record AcceptedJson(String offerSetId, List<AgreementJson> agreements) {}

    private final OfferSetAcceptance acceptance;
    private final Agreements agreements;

    OfferSetAcceptanceApi(OfferSetAcceptance acceptance, Agreements agreements) {
        this.acceptance = acceptance;
        this.agreements = agreements;
    }

    @PostMapping("/api/v1/buyer/offer-sets/{offerSetId}/accept")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Accept every offer of a released offer set in one step: one agreement per offer, each carrying"
                    + " the set's id; when one offer is refused nothing is accepted and the error names it")
    AcceptedJson accept(OfferdeskPrincipal me, @PathVariable String offerSetId, @RequestBody AcceptBody body) {
        var choices = body.offers() == null
                ? List.<Choice>of()
                : body.offers().stream().map(OfferSetAcceptanceApi::choice).toList();
        var made = acceptance.accept(me, offerSetId, body.accountId(), choices, body.eulaAcknowledged());
        return new AcceptedJson(
                offerSetId,
                made.stream()
                        .map(a -> AgreementJson.of(agreements.asSeenBy(me, a), agreements::partyName))
                        .toList());
    }

    private static Choice choice(OfferChoice offer) {
        var contract = offer.selectorValue() == null
                ? null
                : new ContractConfiguration(
                        offer.selectorValue(),
                        offer.dimensions() == null
                                ? List.of()
                                : offer.dimensions().entrySet().stream()
                                        .map(e -> new DimensionQuantity(e.getKey(), e.getValue()))
                                        .toList());
        return new Choice(offer.offerId(), contract, offer.autoRenew());
    }
}
