package io.offerdesk.gtm.events;

import io.offerdesk.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** An approver rejected: the request ends; the author may change the draft and ask again. */
public record ApprovalRejected(
        String offerId,
        UUID sellerPartyId,
        UUID requestId,
        int step,
        String approver,
        String comment,
        Actor actor,
        Instant occurredAt)
        implements ApprovalEvent {}
