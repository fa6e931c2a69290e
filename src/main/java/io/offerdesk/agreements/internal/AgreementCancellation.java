package io.offerdesk.agreements.internal;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementCharge;
import io.offerdesk.agreements.AgreementStatus;
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
        return endEarly(agreement, agreement.active().cancel(now), actor, now);
    }

    /**
     * Ends an active agreement before its end date (cancelled, replaced): its charges not yet due are cancelled, the
     * due ones stand, and both facts are announced.
     *
     * @param agreement read under a lock that keeps others from changing it before this transaction ends
     */
    public Agreement endEarly(Agreement agreement, AgreementStatus next, Actor actor, Instant now) {
        var ended = agreement.withStatus(next, now);
        if (!agreements.update(ended)) {
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
                next.wireName(),
                next instanceof AgreementStatus.Replaced replaced
                        ? replaced.replacement().value()
                        : null,
                actor,
                now));
        return ended;
    }
}
