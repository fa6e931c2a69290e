package io.offerdesk.gtm.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A step's approvals are waiting: its approvers can approve or reject now. The approvers are the users of the party
 * holding one of {@code approverRoles} and the users named in {@code approverUsers}.
 *
 * @param dueAt when its approvers are reminded if they have not decided
 */
public record ApprovalStepOpened(
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

    public ApprovalStepOpened {
        approverRoles = List.copyOf(approverRoles);
        approverUsers = List.copyOf(approverUsers);
    }
}
