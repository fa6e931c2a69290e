package io.offerdesk.catalog.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** The operator created a standard contract with its first version. */
public record StandardContractCreated(
        UUID contractId, String title, String version, UUID operatorPartyId, Actor actor, Instant occurredAt)
        implements StandardContractEvent {}
