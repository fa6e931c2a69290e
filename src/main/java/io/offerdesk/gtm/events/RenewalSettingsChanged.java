package io.offerdesk.gtm.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A party's administrator changed its renewal settings: whether the engine runs, its lead time, mode and increase. */
public record RenewalSettingsChanged(
        UUID partyId,
        boolean enabled,
        int leadDays,
        String defaultMode,
        BigDecimal increasePercent,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    @Override
    public String entityType() {
        return "renewal-settings";
    }

    @Override
    public String entityId() {
        return partyId.toString();
    }

    @Override
    public String ownerPartyId() {
        return partyId.toString();
    }
}
