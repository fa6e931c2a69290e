package io.offerdesk.agreements.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Charges of an agreement that had not fallen due were cancelled (replacement or early end); due ones stand. */
public record AgreementChargesCancelled(
        String agreementId,
        UUID proposerPartyId,
        UUID acceptorPartyId,
        List<String> chargeIds,
        Actor actor,
        Instant occurredAt)
        implements AgreementEvent {

    public AgreementChargesCancelled {
        chargeIds = List.copyOf(chargeIds);
    }

    @Override
    public String ownerPartyId() {
        return acceptorPartyId.toString();
    }
}
