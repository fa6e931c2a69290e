package io.offerdesk.agreements.internal;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementCharge;
import io.offerdesk.agreements.events.AgreementChargesCancelled;
import io.offerdesk.agreements.events.AgreementEnded;
import io.offerdesk.shared.Actor;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Ends an agreement as CANCELLED, whether the buyer cancelled it or approved the seller's request: the charges not
 * yet due are cancelled, the due ones stand (their invoices are issued), and the end is announced.
 */
@Component
public class AgreementCancellation {

    private final AgreementRepository agreements;
    private final ApplicationEventPublisher events;

    AgreementCancellation(AgreementRepository agreements, ApplicationEventPublisher events) {
        this.agreements = agreements;
        this.events = events;
    }

    /**
     * @param agreement read under {@link AgreementRepository#lock}, so nothing changes it before this transaction ends
     * @throws io.offerdesk.shared.Conflict {@code INACTIVE_AGREEMENT} when it is not active
     */
    public Agreement cancel(Agreement agreement, Actor actor, Instant now) {
        var cancelled = agreement.withStatus(agreement.active().cancel(now), now);
        if (!agreements.update(cancelled)) {
            throw new IllegalStateException("agreement " + agreement.id() + " changed under its lock");
        }
        var pending = agreement.charges().stream()
                .filter(c -> c.state() == AgreementCharge.State.SCHEDULED)
                .map(AgreementCharge::id)
                .toList();
        agreements.moveScheduledCharges(agreement.id(), pending, AgreementCharge.State.CANCELLED);
        if (!pending.isEmpty()) {
            events.publishEvent(new AgreementChargesCancelled(
                    agreement.id().value(),
                    agreement.proposerPartyId(),
                    agreement.acceptorPartyId(),
                    pending,
                    actor,
                    now));
        }
        events.publishEvent(new AgreementEnded(
                agreement.id().value(),
                agreement.proposerPartyId(),
                agreement.acceptorPartyId(),
                cancelled.status().wireName(),
                null,
                actor,
                now));
        return cancelled;
    }
}
