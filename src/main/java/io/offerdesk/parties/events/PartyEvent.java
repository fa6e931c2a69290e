package io.offerdesk.parties.events;

import io.offerdesk.shared.AuditedEvent;
import java.util.UUID;

/** Every parties event is audited and belongs to one party. */
public sealed interface PartyEvent extends AuditedEvent
        permits PartyOnboarded,
                AccountAdded,
                OrganizationalUnitAdded,
                OrganizationEvent,
                UserEvent,
                ApiKeyEvent,
                AccessKeyEvent {

    UUID partyId();

    @Override
    default String ownerPartyId() {
        return partyId().toString();
    }
}
