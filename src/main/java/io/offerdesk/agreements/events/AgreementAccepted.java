package io.offerdesk.agreements.events;

import io.offerdesk.agreements.AcceptedTerm;
import io.offerdesk.shared.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A buyer accepted an offer and an agreement exists: everything billing, disbursement, commitments and analytics need,
 * including the whole accepted-terms snapshot and every charge.
 *
 * @param productType the catalog product type's name, e.g. SAAS
 * @param billingAccountId the account billed for the charges (the organization's billing account, else the acceptor)
 * @param replacedAgreementId the agreement this one replaced, for a replacement offer
 * @param renewedAgreementId the agreement this one renewed, for an automatic renewal
 */
public record AgreementAccepted(
        String agreementId,
        String initialAgreementId,
        String offerId,
        String productId,
        String productType,
        UUID proposerPartyId,
        String proposerAccountId,
        UUID acceptorPartyId,
        String acceptorAccountId,
        String billingAccountId,
        Instant acceptanceTime,
        Instant startTime,
        @Nullable Instant endTime,
        List<AcceptedTerm> terms,
        String currencyCode,
        BigDecimal agreementValue,
        List<ChargeLine> charges,
        @Nullable String replacedAgreementId,
        @Nullable String renewedAgreementId,
        Actor actor,
        Instant occurredAt)
        implements AgreementEvent {

    public AgreementAccepted {
        terms = List.copyOf(terms);
        charges = List.copyOf(charges);
    }

    @Override
    public String ownerPartyId() {
        return acceptorPartyId.toString();
    }
}
