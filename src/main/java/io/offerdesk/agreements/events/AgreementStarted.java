package io.offerdesk.agreements.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * A future-dated agreement reached its start date: its entitlements are provisioned now. Agreements that start as
 * they are accepted do not publish it; {@link AgreementAccepted} says they started.
 */
public record AgreementStarted(
        String agreementId,
        UUID proposerPartyId,
        UUID acceptorPartyId,
        String productId,
        Instant startTime,
        Actor actor,
        Instant occurredAt)
        implements AgreementEvent {

    @Override
    public String ownerPartyId() {
        return acceptorPartyId.toString();
    }
}
