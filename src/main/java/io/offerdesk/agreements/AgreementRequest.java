package io.offerdesk.agreements;

import io.offerdesk.shared.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A quote: what accepting one offer as one buyer account would agree to and cost, as AWS's agreement request. It
 * expires; accepting it makes the agreement.
 *
 * @param offerRevision the offer's revision when quoted; acceptance refuses a quote whose offer terms changed since
 * @param sourceAgreementId the agreement a replacement would replace
 * @param agreementId set once accepted
 */
public record AgreementRequest(
        AgreementRequestId id,
        UUID buyerPartyId,
        AccountId acceptorAccountId,
        UUID requestedBy,
        Intent intent,
        String offerId,
        long offerRevision,
        @Nullable AgreementId sourceAgreementId,
        List<RequestedTerm> requestedTerms,
        List<AcceptedTerm> terms,
        ChargeSummary charges,
        Instant createdAt,
        Instant expiresAt,
        @Nullable AgreementId agreementId) {

    public AgreementRequest {
        requestedTerms = List.copyOf(requestedTerms);
        terms = List.copyOf(terms);
    }

    /** What the buyer means to do, as AWS's {@code Intent}; amendments are not offered. */
    public enum Intent {
        NEW,
        REPLACE
    }

    public boolean isExpired(Instant now) {
        return now.isAfter(expiresAt);
    }

    public AgreementRequest acceptedAs(AgreementId agreement) {
        return new AgreementRequest(
                id,
                buyerPartyId,
                acceptorAccountId,
                requestedBy,
                intent,
                offerId,
                offerRevision,
                sourceAgreementId,
                requestedTerms,
                terms,
                charges,
                createdAt,
                expiresAt,
                agreement);
    }
}
