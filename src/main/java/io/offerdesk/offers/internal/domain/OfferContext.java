package io.offerdesk.offers.internal.domain;

import io.offerdesk.offers.OfferId;
import io.offerdesk.offers.ReplaceableAgreements.AgreementFacts;
import io.offerdesk.offers.ResaleAuthorizationSource.AuthorizationFacts;
import io.offerdesk.offers.Term.LegalDocument;
import io.offerdesk.offers.Term.LegalTerm;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything outside the offer that a decision depends on, loaded by the caller so that {@link OfferDecisions} stays
 * pure.
 *
 * @param now when the change takes effect; "today" is its date in UTC, the zone of every offer date
 * @param sellerPartyId the party that makes the change
 * @param product the offer's product (for {@code CreateOffer}, the product the change names)
 * @param standardContractVersions the standard EULA versions a legal term may name
 * @param uploadedDocument whether the seller uploaded a document at this URL
 * @param anotherPublicOffer whether the product already has another released public offer
 * @param newOfferId the id for an offer {@code CreateOffer} creates
 * @param replacedAgreement for a replacement offer (and for {@code CreateReplacementOffer}, the one it names) the
 *     agreement as it is now; absent for other offers, and when the seller has no such agreement
 * @param authorization for a resale offer (and for the changes that create one, the one they name) the resale
 *     authorization it is made from, as shared with the partner; absent for other offers. Released authorizations never
 *     change, so its bounds hold for the offer's whole life; only whether new offers may be made from it changes
 */
public record OfferContext(
        Instant now,
        UUID sellerPartyId,
        ProductFacts product,
        OfferLimits limits,
        Set<String> standardContractVersions,
        Predicate<String> uploadedDocument,
        boolean anotherPublicOffer,
        Supplier<OfferId> newOfferId,
        @Nullable AgreementFacts replacedAgreement,
        @Nullable AuthorizationFacts authorization) {

    public OfferContext {
        standardContractVersions = Set.copyOf(standardContractVersions);
    }

    /** The same context for the agreement a replacement offer replaces. */
    public OfferContext replacing(@Nullable AgreementFacts agreement) {
        return new OfferContext(
                now,
                sellerPartyId,
                product,
                limits,
                standardContractVersions,
                uploadedDocument,
                anotherPublicOffer,
                newOfferId,
                agreement,
                authorization);
    }

    /** The same context for the resale authorization a resale offer is made from. */
    public OfferContext resale(@Nullable AuthorizationFacts authorization) {
        return new OfferContext(
                now,
                sellerPartyId,
                product,
                limits,
                standardContractVersions,
                uploadedDocument,
                anotherPublicOffer,
                newOfferId,
                replacedAgreement,
                authorization);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    public boolean documentExists(String url) {
        return uploadedDocument.test(url);
    }

    /**
     * Whether a resale offer's legal document is the buyer EULA its manufacturer uploaded and passes on through the
     * authorization: the partner did not upload it, and the resale rules checked it.
     */
    public boolean passedOn(LegalDocument document) {
        return authorization != null
                && authorization.wholesaleTerms().stream()
                        .filter(LegalTerm.class::isInstance)
                        .anyMatch(term -> ((LegalTerm) term).documents().contains(document));
    }
}
