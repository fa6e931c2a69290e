package io.offerdesk.agreements.events;

import io.offerdesk.shared.AuditedEvent;
import java.util.UUID;

/** Every agreement event is audited; it belongs to the side that caused it (the buyer, unless the seller acted). */
public sealed interface AgreementEvent extends AuditedEvent
        permits AgreementAccepted,
                AgreementStarted,
                AgreementEnded,
                AgreementChargesCancelled,
                AgreementRenewalUpcoming,
                AgreementRenewalOptedOut,
                AgreementRenewalPriceAdjusted {

    String agreementId();

    UUID proposerPartyId();

    UUID acceptorPartyId();

    @Override
    default String entityType() {
        return "agreement";
    }

    @Override
    default String entityId() {
        return agreementId();
    }
}
