package io.offerdesk.gtm.events;

import io.offerdesk.shared.AuditedEvent;
import java.util.UUID;

/**
 * What happened to the approvals of an offer. Every one is audited against the offer, so the offer's audit trail holds
 * its whole approval history, and belongs to the seller (or channel partner) that owns the offer.
 */
public sealed interface ApprovalEvent extends AuditedEvent
        permits ApprovalRequested,
                ApprovalStepOpened,
                ApprovalGranted,
                ApprovalRejected,
                ApprovalInvalidated,
                ApprovalOverdue,
                ApprovalEscalated {

    String offerId();

    UUID sellerPartyId();

    /** The request the event belongs to. */
    UUID requestId();

    @Override
    default String entityType() {
        return "offer";
    }

    @Override
    default String entityId() {
        return offerId();
    }

    @Override
    default String ownerPartyId() {
        return sellerPartyId().toString();
    }
}
