package io.offerdesk.gtm.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A step stayed undecided past its deadline and the escalation period after it: the party's administrators are told,
 * once.
 *
 * @param waitingFor the approvers still to decide
 */
public record ApprovalEscalated(
        String offerId,
        UUID sellerPartyId,
        UUID requestId,
        int step,
        List<String> waitingFor,
        Instant dueAt,
        Actor actor,
        Instant occurredAt)
        implements ApprovalEvent {

    public ApprovalEscalated {
        waitingFor = List.copyOf(waitingFor);
    }
}
