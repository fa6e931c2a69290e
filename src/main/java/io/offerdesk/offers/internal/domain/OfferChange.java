package io.offerdesk.offers.internal.domain;

import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.PreExistingAgreement;
import io.offerdesk.offers.Rule.TargetingRule;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PricingTerm;
import io.offerdesk.offers.Term.RenewalTerm;
import io.offerdesk.offers.Term.SupportTerm;
import io.offerdesk.offers.Term.ValidityTerm;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One change to an offer, as a change set's {@code ChangeType} and {@code DetailsDocument} describe it (AWS's
 * {@code Offer@1.0} change types). The shape is already checked; whether the change may be made is decided by
 * {@link OfferDecisions}. Changes whose {@code Terms} list may be empty carry an absent term, which removes it.
 */
public sealed interface OfferChange {

    /** The {@code ChangeType} as AWS writes it, e.g. {@code UpdatePricingTerms}. */
    default String changeType() {
        return getClass().getSimpleName();
    }

    /**
     * Creates a draft offer for a product of the seller.
     *
     * @param productId a product id; references to other changes are resolved before the change is decided
     */
    record CreateOffer(String productId, @Nullable String name) implements OfferChange {}

    /**
     * Creates a draft that replaces an active agreement of the seller when its buyer accepts it (AWS's agreement-based
     * offer): for the agreement's product, targeted at the account that holds the agreement.
     *
     * @param agreementId the agreement to replace, as the seller wrote it; whether it is one is decided later
     */
    record CreateReplacementOffer(
            String agreementId, @Nullable String name) implements OfferChange {}

    /**
     * Creates a channel partner private offer (CPPO) from a resale authorization shared with the partner: a draft for
     * the authorization's product with its wholesale terms, buyer EULA and buyers.
     */
    record CreateOfferUsingResaleAuthorization(
            String resaleAuthorizationId,
            @Nullable String name,
            @Nullable String description) implements OfferChange {}

    /**
     * Creates a CPPO that replaces an active agreement the partner proposed, from a resale authorization for the same
     * product.
     */
    record CreateReplacementOfferUsingResaleAuthorization(
            String resaleAuthorizationId,
            String agreementId,
            @Nullable String name) implements OfferChange {}

    /**
     * Sets a resale offer's buyer prices to its wholesale prices raised by a percentage, replacing an earlier markup.
     *
     * @param percentage not negative, at most 9 decimals
     */
    record UpdateMarkup(BigDecimal percentage) implements OfferChange {}

    /** Absent members keep their value; an explicit {@code "PreExistingAgreement": null} removes the marker. */
    record UpdateInformation(
            @Nullable String name, @Nullable String description, AgreementUpdate preExistingAgreement)
            implements OfferChange {}

    /** What {@link UpdateInformation} does to the pre-existing agreement marker. */
    sealed interface AgreementUpdate {
        record Keep() implements AgreementUpdate {}

        record Clear() implements AgreementUpdate {}

        record Replace(PreExistingAgreement agreement) implements AgreementUpdate {}
    }

    /** Replaces all targeting; an empty rule makes the offer public. */
    record UpdateTargeting(TargetingRule targeting) implements OfferChange {}

    record UpdateSupportTerms(@Nullable SupportTerm term) implements OfferChange {}

    record UpdateLegalTerms(LegalTerm term) implements OfferChange {}

    record UpdatePricingTerms(OfferPricingModel pricingModel, List<PricingTerm> terms) implements OfferChange {
        public UpdatePricingTerms {
            terms = List.copyOf(terms);
        }
    }

    record UpdateValidityTerms(@Nullable ValidityTerm term) implements OfferChange {}

    record UpdatePaymentScheduleTerms(@Nullable PaymentScheduleTerm term) implements OfferChange {}

    record UpdateNetPaymentTerms(@Nullable NetPaymentTerm term) implements OfferChange {}

    /**
     * Offerdesk's own change type for the {@code VariablePaymentTerm}, shaped like {@code UpdatePaymentScheduleTerms}:
     * AWS's Catalog documents no change that sets the term (ADR 0009). An absent term removes it.
     */
    record UpdateVariablePaymentTerms(@Nullable VariablePaymentTerm term) implements OfferChange {}

    /** An absent term turns automatic renewal off. */
    record UpdateRenewalTerms(@Nullable RenewalTerm term) implements OfferChange {}

    record UpdateAvailability(LocalDate availabilityEndDate) implements OfferChange {}

    record ReleaseOffer() implements OfferChange {}
}
