package io.offerdesk.gtm.internal.approvals;

import io.offerdesk.catalog.CatalogManagement;
import io.offerdesk.catalog.ProductId;
import io.offerdesk.gtm.internal.approvals.domain.ApprovalPolicy;
import io.offerdesk.gtm.internal.approvals.domain.OfferFacts;
import io.offerdesk.gtm.internal.approvals.domain.RequiredApproval;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.ReplaceableAgreements;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/** Loads what the approval rules need of a draft (its product's list prices, a replaced agreement's end) and asks them. */
@Component
class RequiredApprovals {

    private final ApprovalRepository approvals;
    private final CatalogManagement catalog;
    private final ReplaceableAgreements agreements;

    RequiredApprovals(ApprovalRepository approvals, CatalogManagement catalog, ReplaceableAgreements agreements) {
        this.approvals = approvals;
        this.catalog = catalog;
        this.agreements = agreements;
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
        return OfferFacts.of(offer, product, replacedEnd);
    }

    /** How a required approval is named in refusals and pages. */
    static String label(RequiredApproval required) {
        return required.approver().label() + " (step " + required.step() + ")";
    }
}
