package io.offerdesk.offers.internal.rest;

import io.offerdesk.offers.OfferActions;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replacement (agreement-based) offers: the seller starts one from an agreement it proposed, then completes and
 * releases the draft like any offer through change sets. It lives with the offers because the change set creates an
 * offer; the agreement is only its starting point.
 */
@RestController
@Tag(name = "Offers")
class ReplacementOffersApi {

    record ReplacementOfferRequest(@Nullable String name) {}

    private final OfferActions actions;

    ReplacementOffersApi(OfferActions actions) {
        this.actions = actions;
    }

    @PostMapping("/api/v1/agreements/{agreementId}/replacement-offer")
    @Operation(
            summary = "Start a draft replacement offer for the agreement (CreateReplacementOffer, a change set; 202)",
            description = "The draft is for the agreement's product and targets only the account that holds it. Once"
                    + " released and accepted, it replaces the agreement: charges not yet invoiced are cancelled.")
    ResponseEntity<StartedChangeSetJson> create(
            OfferdeskPrincipal me,
            @PathVariable String agreementId,
            @RequestBody(required = false) @Nullable ReplacementOfferRequest request) {
        return StartedChangeSetJson.accepted(
                actions.createReplacementOffer(me, agreementId, request == null ? null : request.name()));
    }
}
