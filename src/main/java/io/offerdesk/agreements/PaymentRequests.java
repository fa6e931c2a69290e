package io.offerdesk.agreements;

import io.offerdesk.agreements.PaymentRequest.Status;
import io.offerdesk.agreements.TermConfiguration.VariablePaymentConfiguration;
import io.offerdesk.agreements.events.AgreementEnded;
import io.offerdesk.agreements.events.AgreementPaymentRequested;
import io.offerdesk.agreements.internal.AgreementSides;
import io.offerdesk.agreements.internal.PaymentApproval;
import io.offerdesk.agreements.internal.PaymentRequestRepository;
import io.offerdesk.agreements.internal.domain.PaymentRules;
import io.offerdesk.offers.Term.VariablePaymentTerm;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.NotFound;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.joda.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment requests under a variable payment term, as AWS's {@code AgreementPaymentRequest} operations: the seller asks
 * for an amount up to what remains of the term's maximum, the buyer approves it (with a purchase order if they like)
 * and the agreement gets a due charge that invoicing bills, or rejects it; the seller may withdraw a waiting request.
 * A buyer who chose AUTO_APPROVE_ON_EXPIRATION has requests approved when their expiration duration passes.
 *
 * <p>Every change locks the agreement first and then the request, so the remaining maximum is decided one request
 * at a time.
 */
@Service
public class PaymentRequests {

    /** AWS's {@code MaxResults} of the List operations. */
    public static final int PAGE_MAX = 50;

    /**
     * What the seller sends.
     *
     * @param termId the agreement's variable payment term; may be left out, as an agreement has at most one
     * @param chargeAmount a decimal in the term's currency
     */
    public record Send(
            @Nullable String termId,
            @Nullable String name,
            @Nullable String description,
            @Nullable String chargeAmount) {}

    /** The filters of {@code ListAgreementPaymentRequests}; {@code status} is one of {@link Status}'s names. */
    public record Filter(
            PartyType partyType,
            @Nullable String agreementId,
            @Nullable String status) {}

    public record Page(List<PaymentRequest> requests, boolean more) {
        public Page {
            requests = List.copyOf(requests);
        }
    }

    /**
     * What the agreement's variable payment term allows now.
     *
     * @param remaining the maximum less every approved and every waiting request
     * @param expirationDuration how long a request waits before automatic approval; absent when the buyer decides
     */
    public record Allowance(
            String termId,
            Money maximum,
            Money remaining,
            PaymentRequestApprovalStrategy strategy,
            @Nullable Period expirationDuration) {}

    private final Agreements agreements;
    private final PaymentRequestRepository requests;
    private final PaymentApproval approval;
    private final AgreementSides sides;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    PaymentRequests(
            Agreements agreements,
            PaymentRequestRepository requests,
            PaymentApproval approval,
            AgreementSides sides,
            ApplicationEventPublisher events,
            Clock clock) {
        this.agreements = agreements;
        this.requests = requests;
        this.approval = approval;
        this.sides = sides;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The seller asks for a payment ({@code SendAgreementPaymentRequest}).
     *
     * @throws io.offerdesk.shared.InvalidInput {@code INVALID_TERM_ID} for an agreement without that variable payment
     *     term, {@code INVALID_CHARGE_AMOUNT} for more than remains of the maximum
     */
    @Transactional
    public PaymentRequest send(OfferdeskPrincipal me, String agreementId, Send send) {
        var agreement = agreements.locked(me, agreementId);
        sides.checkSeller(me, agreement);
        var term = variableTerm(agreement)
                .filter(t -> send.termId() == null || t.id().equals(send.termId()))
                .orElseThrow(() -> RefusalReason.INVALID_TERM_ID.at("termId", String.valueOf(send.termId())));
        var name = PaymentRules.name(send.name());
        var description = PaymentRules.description(send.description());
        agreement.active();
        var maximum = ((VariablePaymentTerm) term.term()).maxTotalCharge();
        var amount = PaymentRules.chargeAmount(
                send.chargeAmount(), PaymentRules.remaining(maximum, requests.ofAgreement(agreement.id())));
        var now = clock.instant();
        var request = new PaymentRequest(
                PaymentRequestId.fresh(random),
                agreement.id(),
                term.id(),
                agreement.proposerPartyId(),
                agreement.acceptorPartyId(),
                agreement.acceptorAccountId(),
                name,
                description,
                amount,
                Status.PENDING_APPROVAL,
                null,
                null,
                null,
                PaymentRules.autoApproveAt(term.configuration(), now),
                now,
                now);
        requests.insert(request);
        events.publishEvent(new AgreementPaymentRequested(
                request.id().value(),
                agreement.id().value(),
                agreement.proposerPartyId(),
                agreement.acceptorPartyId(),
                agreement.acceptorAccountId().value(),
                name,
                amount.getCurrencyUnit().getCode(),
                amount.getAmount(),
                request.autoApproveAt(),
                me.actor(),
                now));
        return request;
    }

    /** What the agreement's variable payment term allows now; empty for an agreement without one. */
    @Transactional(readOnly = true)
    public Optional<Allowance> allowance(OfferdeskPrincipal me, String agreementId) {
        var agreement = agreements.agreement(me, agreementId);
        return variableTerm(agreement).map(term -> {
            var maximum = ((VariablePaymentTerm) term.term()).maxTotalCharge();
            var chosen = term.configuration() instanceof VariablePaymentConfiguration c
                    ? c
                    : new VariablePaymentConfiguration(PaymentRequestApprovalStrategy.WAIT_FOR_APPROVAL, null);
            return new Allowance(
                    term.id(),
                    maximum,
                    PaymentRules.remaining(maximum, requests.ofAgreement(agreement.id())),
                    chosen.paymentRequestApprovalStrategy(),
                    chosen.expirationDuration());
        });
    }

    /** One request, for its seller, its buyer or the operator ({@code GetAgreementPaymentRequest}). */
    @Transactional(readOnly = true)
    public PaymentRequest request(OfferdeskPrincipal me, String requestId) {
        return PaymentRequestId.parse(requestId)
                .flatMap(requests::find)
                .filter(r -> sides.sees(me, r.proposerPartyId(), r.acceptorPartyId(), r.acceptorAccountId()))
                .orElseThrow(() -> new NotFound("payment-request", requestId));
    }

    /** The requests the seller sent or the buyer received, newest first ({@code ListAgreementPaymentRequests}). */
    @Transactional(readOnly = true)
    public Page list(OfferdeskPrincipal me, Filter filter, int offset, int limit) {
        Paging.check(me, filter.partyType(), offset, limit, PAGE_MAX);
        var found = requests.list(
                me.partyId(),
                filter.partyType(),
                filter.partyType() == PartyType.ACCEPTOR ? sides.accountsOf(me) : List.of(),
                Paging.agreement(filter.agreementId()),
                Paging.status(Status.class, filter.status()),
                offset,
                limit + 1);
        return new Page(found.stream().limit(limit).toList(), found.size() > limit);
    }

    /** The seller takes a waiting request back ({@code CancelAgreementPaymentRequest}). */
    @Transactional
    public PaymentRequest withdraw(OfferdeskPrincipal me, String requestId) {
        var found = request(me, requestId);
        var agreement = agreements.locked(me, found.agreementId().value());
        sides.checkSeller(me, agreement);
        return approval.close(requests.lock(found.id()).withdraw(clock.instant()), me.actor());
    }

    /**
     * The buyer approves ({@code AcceptAgreementPaymentRequest}): the agreement gets a due charge of the amount, with
     * the purchase order if one is given.
     */
    @Transactional
    public PaymentRequest accept(OfferdeskPrincipal me, String requestId, @Nullable String purchaseOrderReference) {
        var found = request(me, requestId);
        var agreement = agreements.locked(me, found.agreementId().value());
        sides.checkBuyer(me, agreement);
        var reference = purchaseOrderReference == null || purchaseOrderReference.isBlank()
                ? null
                : purchaseOrderReference.strip();
        if (reference != null && reference.length() > Agreements.PURCHASE_ORDER_MAX) {
            throw RefusalReason.INVALID_PURCHASE_ORDERS.at("purchaseOrderReference", Agreements.PURCHASE_ORDER_MAX);
        }
        return approval.approve(agreement, requests.lock(found.id()), reference, me.actor(), clock.instant());
    }

    /** The buyer refuses, with a reason if they like ({@code RejectAgreementPaymentRequest}). */
    @Transactional
    public PaymentRequest reject(OfferdeskPrincipal me, String requestId, @Nullable String reason) {
        var found = request(me, requestId);
        var agreement = agreements.locked(me, found.agreementId().value());
        sides.checkBuyer(me, agreement);
        var text = reason == null || reason.isBlank() ? null : reason.strip();
        if (text != null && text.length() > PaymentRules.REJECTION_REASON_MAX) {
            throw RefusalReason.INVALID_REASON.at("reason", PaymentRules.REJECTION_REASON_MAX);
        }
        return approval.close(requests.lock(found.id()).reject(text, clock.instant()), me.actor());
    }

    /**
     * Fails the agreement's waiting requests when the agreement ends, in the transaction that ends it: nobody can
     * approve a payment under an agreement that is over.
     */
    @EventListener
    void on(AgreementEnded ended) {
        AgreementId.parse(ended.agreementId()).ifPresent(id -> {
            for (var waiting : requests.lockPending(id)) {
                approval.close(
                        waiting.fail(CancellationRequests.endedMessage(ended), ended.occurredAt()), ended.actor());
            }
        });
    }

    private static Optional<AcceptedTerm> variableTerm(Agreement agreement) {
        return agreement.acceptedTerm(VariablePaymentTerm.class);
    }
}
