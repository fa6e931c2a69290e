package io.offerdesk.governance.events;

import io.offerdesk.shared.Actor;
import io.offerdesk.shared.AuditedEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change set created or changed a private-marketplace experience.
 *
 * @param changeTypes the change types the change set applied to it, in order
 * @param status the experience's status afterwards, {@code Enabled} or {@code Disabled}
 */
public record ExperienceChanged(
        String experienceId,
        UUID organizationId,
        long revision,
        List<String> changeTypes,
        String status,
        String changeSetId,
        Actor actor,
        Instant occurredAt)
        implements AuditedEvent {

    public ExperienceChanged {
        changeTypes = List.copyOf(changeTypes);
    }

    @Override
    public String entityType() {
        return "experience";
    }

    @Override
    public String entityId() {
        return experienceId;
    }

    @Override
    public String ownerPartyId() {
        return organizationId.toString();
    }
}
