package io.offerdesk.agreements.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * One side switched an agreement's automatic renewal off: it will expire at its end. The opt-out is final.
 *
 * @param side PROPOSER (the seller) or ACCEPTOR (the buyer)
 */
public record AgreementRenewalOptedOut(
        String agreementId, UUID proposerPartyId, UUID acceptorPartyId, String side, Actor actor, Instant occurredAt)
        implements AgreementEvent {

    @Override
    public String ownerPartyId() {
        return (side.equals("PROPOSER") ? proposerPartyId : acceptorPartyId).toString();
    }
}
