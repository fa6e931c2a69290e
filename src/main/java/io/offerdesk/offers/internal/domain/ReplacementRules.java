package io.offerdesk.offers.internal.domain;

import static io.offerdesk.offers.internal.domain.OfferErrorCode.INCOMPATIBLE_AGREEMENT;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INCOMPATIBLE_PRODUCT;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.INCOMPATIBLE_TARGETING;
import static io.offerdesk.offers.internal.domain.OfferErrorCode.MISSING_AGREEMENT_END_DATE;

import io.offerdesk.catalog.ProductType;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.ReplaceableAgreements.AgreementFacts;
import io.offerdesk.offers.Term.ValidityTerm;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a replacement (agreement-based) offer, AWS's {@code CreateReplacementOffer}: it replaces an active SaaS
 * contract agreement of the same seller, targets only the account that holds it, is priced as a contract, and makes an
 * agreement that starts when the buyer accepts and ends on a fixed {@code AgreementEndDate}. Every rule here holds only
 * for replacement offers; other offers pass untouched.
 */
final class ReplacementRules {

    private ReplacementRules() {}

    /** The agreement a replacement offer replaces, when it is created and again when it is released. */
    static void agreement(String agreementId, @Nullable AgreementFacts agreement, OfferContext context, Errors errors) {
        if (agreement == null || !agreement.proposerPartyId().equals(context.sellerPartyId())) {
            errors.add(
                    INCOMPATIBLE_AGREEMENT,
                    "AgreementId %s names no agreement this seller proposed; only the seller of record can replace an"
                            + " agreement.",
                    agreementId);
            return;
        }
        errors.check(
                agreement.active(),
                INCOMPATIBLE_AGREEMENT,
                "Agreement %s is %s; only an active agreement can be replaced.",
                agreementId,
                agreement.status());
        errors.check(
                agreement.productType() == ProductType.SAAS,
                INCOMPATIBLE_PRODUCT,
                "Agreement %s is for a %s product; replacement offers are supported for SaaS contracts only.",
                agreementId,
                agreement.productType());
        errors.check(
                agreement.contract(),
                INCOMPATIBLE_AGREEMENT,
                "Agreement %s is not a contract; replacement offers are supported for the Contract pricing model only.",
                agreementId);
    }

    /** The buyer is the one who holds the agreement; AWS does not let targeting change on a replacement offer. */
    static void targetingFixed(Offer offer, Errors errors) {
        if (offer.isReplacement()) {
            errors.add(
                    INCOMPATIBLE_TARGETING,
                    "Targeting can't be updated on a replacement offer; it targets %s, the account that holds agreement"
                            + " %s.",
                    offer.buyerAccounts(),
                    offer.replacesAgreementId());
        }
    }

    static void pricing(Offer offer, Errors errors) {
        var model = offer.pricingModel();
        errors.check(
                !offer.isReplacement() || model == null || model == OfferPricingModel.CONTRACT,
                INCOMPATIBLE_AGREEMENT,
                "A replacement offer is priced by Contract only; PricingModel is %s.",
                model == null ? null : model.wireName());
    }

    /** The new agreement starts at acceptance, replacing one that is running: no future start. */
    static void validity(Offer offer, Errors errors) {
        var start = offer.term(ValidityTerm.class)
                .map(ValidityTerm::agreementStartDate)
                .orElse(null);
        errors.check(
                !offer.isReplacement() || start == null,
                INCOMPATIBLE_AGREEMENT,
                "ValidityTerm.AgreementStartDate %s: AgreementStartDate can't be in the future when the current"
                        + " agreement to be replaced isn't future dated; a replacement agreement starts when the buyer"
                        + " accepts.",
                start);
    }

    /** Everything above once more, with the agreement as it is now: it may have ended since the draft was made. */
    static void release(Offer offer, OfferContext context, Errors errors) {
        var replaced = offer.replacesAgreementId();
        if (replaced == null) {
            return;
        }
        var agreement = context.replacedAgreement();
        agreement(replaced, agreement, context, errors);
        if (agreement != null) {
            errors.check(
                    offer.buyerAccounts().equals(List.of(agreement.acceptorAccountId())),
                    INCOMPATIBLE_TARGETING,
                    "A replacement offer targets only %s, the account that holds agreement %s.",
                    agreement.acceptorAccountId(),
                    replaced);
        }
        errors.check(
                offer.term(ValidityTerm.class)
                        .map(ValidityTerm::agreementEndDate)
                        .isPresent(),
                MISSING_AGREEMENT_END_DATE,
                "Provide a ValidityTerm with an AgreementEndDate for a replacement offer.");
        pricing(offer, errors);
        validity(offer, errors);
    }
}
