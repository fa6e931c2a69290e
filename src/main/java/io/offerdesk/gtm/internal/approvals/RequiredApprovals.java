package io.offerdesk.gtm.internal.approvals;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.gtm.OfferChecklists;
import io.offerdesk.gtm.internal.approvals.domain.ApprovalPolicy;
import io.offerdesk.gtm.internal.approvals.domain.OfferFacts;
import io.offerdesk.gtm.internal.approvals.domain.RequiredApproval;
import io.offerdesk.gtm.internal.templates.TemplateOrigins;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.ReplaceableAgreements;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Loads what the approval rules need of a draft (its product's list prices, a replaced agreement's end, the template's
 * clauses and the open checklist items) and asks them.
 */
@Component
class RequiredApprovals {

    private final ApprovalRepository approvals;
    private final CatalogManagement catalog;
    private final ReplaceableAgreements agreements;
    private final TemplateOrigins origins;
    private final OfferChecklists checklists;

    RequiredApprovals(
            ApprovalRepository approvals,
            CatalogManagement catalog,
            ReplaceableAgreements agreements,
            TemplateOrigins origins,
            OfferChecklists checklists) {
        this.approvals = approvals;
        this.catalog = catalog;
        this.agreements = agreements;
        this.origins = origins;
        this.checklists = checklists;
    }

    /** The approvals the owner's policy asks of the offer as it is, in step order. */
    List<RequiredApproval> of(Offer offer) {
        var policy = approvals.policy(offer.sellerPartyId());
        return policy.rules().isEmpty() ? List.of() : policy.required(facts(offer));
    }

    ApprovalPolicy policy(Offer offer) {
        return approvals.policy(offer.sellerPartyId());
    }

    private OfferFacts facts(Offer offer) {
        var product = ProductId.parse(offer.productId()).flatMap(catalog::find).orElse(null);
        var replaced = offer.replacesAgreementId();
        var replacedEnd = replaced == null
                ? null
                : agreements
                        .find(offer.sellerPartyId(), replaced)
                        .map(ReplaceableAgreements.AgreementFacts::endTime)
                        .map(end -> LocalDate.ofInstant(end, ZoneOffset.UTC))
                        .orElse(null);
        var owner = offer.sellerPartyId();
        var offerId = offer.id().value();
        return OfferFacts.of(
                offer,
                product,
                replacedEnd,
                !origins.changedClauses(owner, offerId).isEmpty(),
                checklists.missingItems(owner, offerId).size());
    }

    /** How a required approval is named in refusals and pages. */
    static String label(RequiredApproval required) {
        return required.approver().label() + " (step " + required.step() + ")";
    }
}
