package io.offerdesk.catalog.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** The operator published a new version of a standard contract; it is now the current one. */
public record StandardContractVersionAdded(
        UUID contractId, String version, UUID operatorPartyId, Actor actor, Instant occurredAt)
        implements StandardContractEvent {}
