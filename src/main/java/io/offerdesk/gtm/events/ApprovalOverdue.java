package io.offerdesk.gtm.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A step's deadline passed without a decision: its approvers are reminded, once. */
public record ApprovalOverdue(
        String offerId,
        UUID sellerPartyId,
        UUID requestId,
        int step,
        List<String> approverRoles,
        List<UUID> approverUsers,
        Instant dueAt,
        Actor actor,
        Instant occurredAt)
        implements ApprovalEvent {

    public ApprovalOverdue {
        approverRoles = List.copyOf(approverRoles);
        approverUsers = List.copyOf(approverUsers);
    }
}
