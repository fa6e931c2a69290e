package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** An account was designated a procurement account (it accepts offers), or no longer is. */
public record ProcurementAccountDesignated(
        UUID partyId, String accountId, boolean procurement, Actor actor, Instant occurredAt)
        implements OrganizationEvent {

    @Override
    public String entityType() {
        return "account";
    }

    @Override
    public String entityId() {
        return accountId;
    }
}
