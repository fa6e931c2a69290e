package io.offerdesk.agreements.internal;

import io.offerdesk.agreements.Agreement;
import io.offerdesk.agreements.AgreementCharge;
import io.offerdesk.agreements.Agreements;
import io.offerdesk.agreements.ChargeTiming;
import io.offerdesk.agreements.PaymentRequest;
import io.offerdesk.agreements.events.AgreementPaymentRequestClosed;
import io.offerdesk.shared.Actor;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Closes payment requests, whoever decides: an approval adds a due charge of the requested amount to the agreement
 * (invoiced like a charge due on acceptance) and hands it to invoicing.
 */
@Component
public class PaymentApproval {

    private final AgreementRepository agreements;
    private final PaymentRequestRepository requests;
    private final ApplicationEventPublisher events;

    PaymentApproval(
            AgreementRepository agreements, PaymentRequestRepository requests, ApplicationEventPublisher events) {
        this.agreements = agreements;
        this.requests = requests;
        this.events = events;
    }

    /**
     * @param agreement read under {@link AgreementRepository#lock}, so its charges are all there and nobody adds one
     * @param pending read under {@link PaymentRequestRepository#lock}
     * @throws io.offerdesk.shared.Conflict when the request no longer waits, or {@code INACTIVE_AGREEMENT}
     */
    public PaymentRequest approve(
            Agreement agreement,
            PaymentRequest pending,
            @Nullable String purchaseOrderReference,
            Actor actor,
            Instant now) {
        agreement.active();
        var charge = new AgreementCharge(
                AgreementCharge.id(agreement.charges().size() + 1),
                1,
                now,
                pending.chargeAmount(),
                ChargeTiming.ON_ACCEPTANCE,
                AgreementCharge.State.DUE,
                purchaseOrderReference,
                // A variable payment is the seller's own request; no wholesale split is defined for it.
                null);
        var approved = pending.approve(charge.id(), purchaseOrderReference, now);
        agreements.insertCharge(agreement.id(), charge);
        close(approved, actor);
        events.publishEvent(Agreements.chargeDue(agreement, charge, now));
        return approved;
    }

    /** Writes a request's move out of PENDING_APPROVAL and announces it. */
    public PaymentRequest close(PaymentRequest closed, Actor actor) {
        requests.update(closed);
        events.publishEvent(new AgreementPaymentRequestClosed(
                closed.id().value(),
                closed.agreementId().value(),
                closed.proposerPartyId(),
                closed.acceptorPartyId(),
                closed.status().name(),
                closed.statusMessage(),
                closed.chargeId(),
                actor,
                closed.updatedAt()));
        return closed;
    }
}
