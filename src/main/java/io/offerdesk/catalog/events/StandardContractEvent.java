package io.offerdesk.catalog.events;

import io.offerdesk.shared.AuditedEvent;
import java.util.UUID;

/** Every standard-contract event is audited and belongs to the marketplace operator, who manages the contracts. */
public sealed interface StandardContractEvent extends AuditedEvent
        permits StandardContractCreated, StandardContractVersionAdded {

    UUID contractId();

    UUID operatorPartyId();

    @Override
    default String entityType() {
        return "standard-contract";
    }

    @Override
    default String entityId() {
        return contractId().toString();
    }

    @Override
    default String ownerPartyId() {
        return operatorPartyId().toString();
    }
}
