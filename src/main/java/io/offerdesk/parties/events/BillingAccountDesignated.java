package io.offerdesk.parties.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A buyer organization named the account billed for all its purchases from now on, or none ({@code accountId}
 * absent): then each account is billed for its own.
 */
public record BillingAccountDesignated(
        UUID partyId, @Nullable String accountId, Actor actor, Instant occurredAt) implements OrganizationEvent {

    @Override
    public String entityType() {
        return "organization";
    }

    @Override
    public String entityId() {
        return partyId.toString();
    }
}
