package io.offerdesk.resale;

import io.offerdesk.offers.OfferPricingModel;
import io.offerdesk.offers.PreExistingAgreement;
import io.offerdesk.offers.Term;
import io.offerdesk.offers.Term.LegalDocument;
import io.offerdesk.offers.Term.LegalTerm;
import io.offerdesk.offers.Term.NetPaymentTerm;
import io.offerdesk.offers.Term.PaymentScheduleTerm;
import io.offerdesk.offers.Term.PricingTerm;
import io.offerdesk.shared.AccountId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A resale authorization: what an ISV (the manufacturer) lets one channel partner resell of one product, to whom,
 * until when, at which wholesale prices. Wholesale prices are offers' pricing terms, always explicit: a discount off
 * list is turned into prices when the change that gives it is applied (ADR 0012).
 *
 * @param id {@code resaleauthz-} and 13 lowercase letters and digits
 * @param resellerPartyId the channel partner that holds {@code resellerAccountId}; the authorization is shared with it
 * @param buyerAccounts the buyers the partner may sell to; empty means any buyer
 * @param availabilityEndDate the last day (UTC) offers may be created from it; absent when unlimited in time
 * @param offersMaxQuantity 1 for a single-use authorization, absent otherwise
 * @param maximumAgreementStartDate the latest start of a future-dated agreement (SaaS only)
 * @param buyerLegalTerms the EULA passed on to the buyer; required for release
 * @param resaleLegalTerms the reseller contract between ISV and partner
 * @param pricingTerms the wholesale prices: usage, configurable upfront or fixed upfront
 * @param paymentSchedule the wholesale installments (single-use, dated authorizations with a fixed upfront price)
 * @param netPaymentCeiling the longest net payment term the partner may give the buyer
 * @param preExistingBuyerAgreement the renewal flag
 * @param offersCreated how many offers the partner created from it
 */
public record ResaleAuthorization(
        String id,
        UUID manufacturerPartyId,
        String productId,
        AccountId resellerAccountId,
        UUID resellerPartyId,
        ResaleAuthorizationStatus status,
        String name,
        @Nullable String description,
        @Nullable String bulkRequestId,
        @Nullable PreExistingAgreement preExistingBuyerAgreement,
        List<AccountId> buyerAccounts,
        @Nullable LocalDate availabilityEndDate,
        @Nullable Integer offersMaxQuantity,
        @Nullable LocalDate maximumAgreementStartDate,
        List<ResaleLegalDocument> buyerLegalTerms,
        List<ResaleLegalDocument> resaleLegalTerms,
        @Nullable OfferPricingModel pricingModel,
        List<PricingTerm> pricingTerms,
        @Nullable PaymentScheduleTerm paymentSchedule,
        @Nullable NetPaymentTerm netPaymentCeiling,
        int offersCreated,
        @Nullable Instant releasedAt,
        Instant createdAt,
        Instant lastModifiedAt,
        long revision) {

    public static final String ENTITY_TYPE = "ResaleAuthorization@1.0";
    public static final String ID_PREFIX = "resaleauthz-";
    public static final int ID_RANDOM_LENGTH = 13;

    public ResaleAuthorization {
        buyerAccounts = List.copyOf(buyerAccounts);
        buyerLegalTerms = List.copyOf(buyerLegalTerms);
        resaleLegalTerms = List.copyOf(resaleLegalTerms);
        pricingTerms = List.copyOf(pricingTerms);
    }

    /** Whether {@code id} has the shape of an authorization id. */
    public static boolean isId(String id) {
        return id.matches(ID_PREFIX + "[a-z0-9]{" + ID_RANDOM_LENGTH + "}");
    }

    /** Offers can be created from it until the end of its availability end date, 23:59:59.999 UTC. */
    public @Nullable Instant expiresAt() {
        return availabilityEndDate == null
                ? null
                : availabilityEndDate
                        .plusDays(1)
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC)
                        .minusMillis(1);
    }

    public boolean isExpired(Instant now) {
        var expiresAt = expiresAt();
        return expiresAt != null && now.isAfter(expiresAt);
    }

    public boolean singleUse() {
        return offersMaxQuantity != null && offersMaxQuantity == 1;
    }

    /** Whether the partner may create another offer from it now. */
    public boolean isUsable(Instant now) {
        return status == ResaleAuthorizationStatus.ACTIVE
                && !isExpired(now)
                && (offersMaxQuantity == null || offersCreated < offersMaxQuantity);
    }

    public OfferExtendedStatus extendedStatus(Instant now) {
        if (offersCreated == 0) {
            return OfferExtendedStatus.NOT_STARTED;
        }
        return isUsable(now) ? OfferExtendedStatus.COMPLETED_USABLE : OfferExtendedStatus.COMPLETED_USED;
    }

    /** Unlimited when it has neither an end date nor a maximum number of offers. */
    public boolean unlimited() {
        return availabilityEndDate == null && offersMaxQuantity == null;
    }

    /**
     * The wholesale side as offers' terms, for the partner's offer: the pricing terms, the payment schedule and the
     * buyer EULA as a {@link LegalTerm}. An enterprise EULA is a document at a URL to the buyer, like a custom one.
     */
    public List<Term> wholesaleTerms() {
        var terms = new ArrayList<Term>(pricingTerms);
        if (paymentSchedule != null) {
            terms.add(paymentSchedule);
        }
        if (!buyerLegalTerms.isEmpty()) {
            terms.add(new LegalTerm(buyerLegalTerms.stream()
                    .map(document -> document.type() == ResaleLegalDocument.Type.STANDARD_EULA
                            ? new LegalDocument(Term.DocumentType.STANDARD_EULA, null, document.version())
                            : new LegalDocument(Term.DocumentType.CUSTOM_EULA, document.url(), null))
                    .toList()));
        }
        return terms;
    }

    public ResaleAuthorization withRevision(long next) {
        return copy(offersCreated, next);
    }

    /** The same authorization with the count of offers created from it, which only claims change. */
    public ResaleAuthorization withOffersCreated(int count) {
        return copy(count, revision);
    }

    private ResaleAuthorization copy(int offers, long version) {
        return new ResaleAuthorization(
                id,
                manufacturerPartyId,
                productId,
                resellerAccountId,
                resellerPartyId,
                status,
                name,
                description,
                bulkRequestId,
                preExistingBuyerAgreement,
                buyerAccounts,
                availabilityEndDate,
                offersMaxQuantity,
                maximumAgreementStartDate,
                buyerLegalTerms,
                resaleLegalTerms,
                pricingModel,
                pricingTerms,
                paymentSchedule,
                netPaymentCeiling,
                offers,
                releasedAt,
                createdAt,
                lastModifiedAt,
                version);
    }
}
