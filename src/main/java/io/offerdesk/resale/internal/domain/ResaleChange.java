package io.offerdesk.resale.internal.domain;

import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.PreExistingAgreement;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.resale.ResaleLegalDocument;
import io.offerdesk.shared.AccountId;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One change of {@code ResaleAuthorization@1.0}, read from its {@code DetailsDocument}. */
public sealed interface ResaleChange {

    record Create(
            String productId,
            String name,
            @Nullable String description,
            AccountId resellerAccountId,
            @Nullable String bulkRequestId)
            implements ResaleChange {}

    /** An empty list targets every buyer. */
    record UpdateBuyerTargetingTerms(List<AccountId> buyerAccounts) implements ResaleChange {
        public UpdateBuyerTargetingTerms {
            buyerAccounts = List.copyOf(buyerAccounts);
        }
    }

    /** Replaces the availability: members left out are cleared, so an empty document makes it unlimited. */
    record UpdateAvailability(
            @Nullable LocalDate availabilityEndDate,
            @Nullable Integer offersMaxQuantity) implements ResaleChange {}

    record UpdateBuyerValidityTerms(@Nullable LocalDate maximumAgreementStartDate) implements ResaleChange {}

    record UpdateLegalTerms(List<ResaleLegalDocument> buyerLegalTerms, List<ResaleLegalDocument> resaleLegalTerms)
            implements ResaleChange {
        public UpdateLegalTerms {
            buyerLegalTerms = List.copyOf(buyerLegalTerms);
            resaleLegalTerms = List.copyOf(resaleLegalTerms);
        }
    }

    record UpdatePricingTerms(OfferPricingModel pricingModel, List<WholesaleTerm> terms) implements ResaleChange {
        public UpdatePricingTerms {
            terms = List.copyOf(terms);
        }
    }

    record UpdatePaymentScheduleTerms(@Nullable PaymentScheduleTerm schedule) implements ResaleChange {}

    record UpdateNetPaymentTerms(@Nullable NetPaymentTerm ceiling) implements ResaleChange {}

    record UpdateInformation(
            @Nullable String name, @Nullable String description, RenewalFlag renewal) implements ResaleChange {}

    /** {@code PreExistingBuyerAgreement}: left out keeps the flag, {@code null} clears it, an object sets it. */
    sealed interface RenewalFlag {
        record Keep() implements RenewalFlag {}

        record Clear() implements RenewalFlag {}

        record Set(PreExistingAgreement agreement) implements RenewalFlag {}
    }

    record Release() implements ResaleChange {}

    record Restrict() implements ResaleChange {}
}
