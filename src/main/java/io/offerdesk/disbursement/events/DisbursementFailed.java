package io.offerdesk.disbursement.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.UUID;
import org.joda.money.Money;

/** The operator reported a disbursement's transfer failed: its amount is payable to the payee again. */
public record DisbursementFailed(
        String disbursementId, UUID payeePartyId, Money amount, String reason, Actor actor, Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "disbursement";
    }

    @Override
    public String entityId() {
        return disbursementId;
    }

    @Override
    public String ownerPartyId() {
        return payeePartyId.toString();
    }
}
