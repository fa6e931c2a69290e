package io.offerdesk.gtm;

import io.offerdesk.shared.Role;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One approval of a request: an approver (a role of the party, or a named user) in a step.
 *
 * @param approver the role's name or the user's display name
 * @param dueAt when the approvers are reminded, set when the step opens
 * @param decidedBy who approved or rejected, as the audit trail names them
 */
public record Approval(
        UUID id,
        int step,
        @Nullable Role role,
        @Nullable UUID userId,
        String approver,
        State state,
        @Nullable Instant openedAt,
        @Nullable Instant dueAt,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String comment) {

    public enum State {
        /** An earlier step is not approved yet. */
        WAITING,
        /** Its approvers can decide now. */
        OPEN,
        APPROVED,
        REJECTED,
        /** The request ended (rejected or invalidated) before it was decided. */
        CANCELLED
    }
}
