package io.offerdesk.agreements;

import io.offerdesk.agreements.CancellationRequest.ReasonCode;
import io.offerdesk.agreements.CancellationRequest.Status;
import io.offerdesk.agreements.events.AgreementCancellationRequestClosed;
import io.offerdesk.agreements.events.AgreementCancellationRequested;
import io.offerdesk.agreements.events.AgreementEnded;
import io.offerdesk.agreements.internal.AgreementCancellation;
import io.offerdesk.agreements.internal.AgreementSides;
import io.offerdesk.agreements.internal.CancellationRequestRepository;
import io.offerdesk.agreements.internal.domain.Cancellation;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ending agreements early, as AWS's {@code CancelAgreement} and the {@code AgreementCancellationRequest} operations:
 * the buyer cancels an agreement that commits nobody (ADR 0011); a contract ends early only when the seller sends a
 * cancellation request with a reason code and the buyer approves it. The seller may withdraw a waiting request, the
 * buyer may reject it; one request per agreement waits at a time.
 *
 * <p>Every change locks the agreement first and then the request, so a cancellation and a decision on a request for
 * the same agreement happen one after the other.
 */
@Service
public class CancellationRequests {

    /** AWS's {@code MaxResults} of the List operations. */
    public static final int PAGE_MAX = 50;

    /** The 409 code when the seller sends a request while another one for the agreement waits. */
    public static final String ALREADY_PENDING = "agreement.cancellationRequestPending";

    /**
     * What the seller sends.
     *
     * @param reasonCode one of {@link ReasonCode}'s names
     */
    public record Send(
            @Nullable String reasonCode, @Nullable String description) {}

    /**
     * The filters of {@code ListAgreementCancellationRequests}.
     *
     * @param status one of {@link Status}'s names
     */
    public record Filter(
            PartyType partyType,
            @Nullable String agreementId,
            @Nullable String status) {}

    public record Page(List<CancellationRequest> requests, boolean more) {
        public Page {
            requests = List.copyOf(requests);
        }
    }

    private final Agreements agreements;
    private final CancellationRequestRepository requests;
    private final AgreementCancellation cancellation;
    private final AgreementSides sides;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RandomGenerator random = new SecureRandom();

    CancellationRequests(
            Agreements agreements,
            CancellationRequestRepository requests,
            AgreementCancellation cancellation,
            AgreementSides sides,
            ApplicationEventPublisher events,
            Clock clock) {
        this.agreements = agreements;
        this.requests = requests;
        this.cancellation = cancellation;
        this.sides = sides;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The buyer cancels the agreement ({@code CancelAgreement}); only agreements that commit nobody to pay for a period.
     *
     * @throws InvalidInput {@code UNSUPPORTED_ACTION} for an agreement the buyer cannot cancel alone
     */
    @Transactional
    public Agreement cancel(OfferdeskPrincipal me, String agreementId) {
        var agreement = agreements.locked(me, agreementId);
        sides.checkBuyer(me, agreement);
        agreement.active();
        Cancellation.checkBuyerMayCancel(agreement);
        return cancellation.cancel(agreement, me.actor(), clock.instant());
    }

    /** The seller asks the buyer to cancel an active agreement ({@code SendAgreementCancellationRequest}). */
    @Transactional
    public CancellationRequest send(OfferdeskPrincipal me, String agreementId, Send send) {
        var agreement = agreements.locked(me, agreementId);
        sides.checkSeller(me, agreement);
        var reasonCode = reasonCode(send.reasonCode());
        var description = optionalText("description", send.description(), CancellationRequest.DESCRIPTION_MAX);
        agreement.active();
        requests.pending(agreement.id()).ifPresent(waiting -> {
            throw new Conflict(
                    ALREADY_PENDING, agreement.id().value(), waiting.id().value());
        });
        var now = clock.instant();
        var request = new CancellationRequest(
                CancellationRequestId.fresh(random),
                agreement.id(),
                agreement.proposerPartyId(),
                agreement.acceptorPartyId(),
                agreement.acceptorAccountId(),
                reasonCode,
                description,
                Status.PENDING_APPROVAL,
                null,
                now,
                now);
        requests.insert(request);
        events.publishEvent(new AgreementCancellationRequested(
                request.id().value(),
                agreement.id().value(),
                agreement.proposerPartyId(),
                agreement.acceptorPartyId(),
                agreement.acceptorAccountId().value(),
                reasonCode.name(),
                description,
                me.actor(),
                now));
        return request;
    }

    /** One request, for its seller, its buyer or the operator ({@code GetAgreementCancellationRequest}). */
    @Transactional(readOnly = true)
    public CancellationRequest request(OfferdeskPrincipal me, String requestId) {
        return CancellationRequestId.parse(requestId)
                .flatMap(requests::find)
                .filter(r -> sides.sees(me, r.proposerPartyId(), r.acceptorPartyId(), r.acceptorAccountId()))
                .orElseThrow(() -> new NotFound("cancellation-request", requestId));
    }

    /** The requests the seller sent or the buyer received, newest first ({@code ListAgreementCancellationRequests}). */
    @Transactional(readOnly = true)
    public Page list(OfferdeskPrincipal me, Filter filter, int offset, int limit) {
        Paging.check(me, filter.partyType(), offset, limit, PAGE_MAX);
        var agreement = Paging.agreement(filter.agreementId());
        var status = Paging.status(Status.class, filter.status());
        var found = requests.list(
                me.partyId(),
                filter.partyType(),
                filter.partyType() == PartyType.ACCEPTOR ? sides.accountsOf(me) : List.of(),
                agreement,
                status,
                offset,
                limit + 1);
        return new Page(found.stream().limit(limit).toList(), found.size() > limit);
    }

    /** The seller takes a waiting request back ({@code CancelAgreementCancellationRequest}). */
    @Transactional
    public CancellationRequest withdraw(OfferdeskPrincipal me, String requestId, @Nullable String reason) {
        var found = request(me, requestId);
        var agreement = agreements.locked(me, found.agreementId().value());
        sides.checkSeller(me, agreement);
        var text = requiredText("reason", reason, CancellationRequest.REASON_MAX);
        return close(requests.lock(found.id()).withdraw(text, clock.instant()), me.actor());
    }

    /** The buyer approves: the request is APPROVED and the agreement CANCELLED. */
    @Transactional
    public CancellationRequest accept(OfferdeskPrincipal me, String requestId) {
        var found = request(me, requestId);
        var agreement = agreements.locked(me, found.agreementId().value());
        sides.checkBuyer(me, agreement);
        var now = clock.instant();
        var approved = close(requests.lock(found.id()).approve(now), me.actor());
        cancellation.cancel(agreement, me.actor(), now);
        return approved;
    }

    /** The buyer refuses with a reason; the agreement goes on. */
    @Transactional
    public CancellationRequest reject(OfferdeskPrincipal me, String requestId, @Nullable String reason) {
        var found = request(me, requestId);
        var agreement = agreements.locked(me, found.agreementId().value());
        sides.checkBuyer(me, agreement);
        var text = requiredText("rejectionReason", reason, CancellationRequest.REASON_MAX);
        return close(requests.lock(found.id()).reject(text, clock.instant()), me.actor());
    }

    /**
     * Fails the agreement's waiting request when the agreement ends some other way (it expired, was replaced or the
     * buyer cancelled it), in the transaction that ends it, so no inbox keeps a request nobody can act on.
     */
    @EventListener
    void on(AgreementEnded ended) {
        AgreementId.parse(ended.agreementId())
                .flatMap(requests::pending)
                .ifPresent(waiting -> close(waiting.fail(endedMessage(ended), ended.occurredAt()), ended.actor()));
    }

    /** The status message of a request that failed because its agreement ended. */
    static String endedMessage(AgreementEnded ended) {
        return "Agreement " + ended.agreementId() + " ended as " + ended.status() + " while the request waited.";
    }

    private CancellationRequest close(CancellationRequest closed, Actor actor) {
        requests.update(closed);
        events.publishEvent(new AgreementCancellationRequestClosed(
                closed.id().value(),
                closed.agreementId().value(),
                closed.proposerPartyId(),
                closed.acceptorPartyId(),
                closed.status().name(),
                closed.statusMessage(),
                actor,
                closed.updatedAt()));
        return closed;
    }

    private static ReasonCode reasonCode(@Nullable String value) {
        return Arrays.stream(ReasonCode.values())
                .filter(code -> code.name().equals(value))
                .findFirst()
                .orElseThrow(() -> RefusalReason.INVALID_REASON_CODE.at("reasonCode", String.valueOf(value)));
    }

    private static @Nullable String optionalText(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw RefusalReason.INVALID_DESCRIPTION.at(field, max);
        }
        return value.strip();
    }

    private static String requiredText(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw RefusalReason.INVALID_REASON.at(field, max);
        }
        return value.strip();
    }
}
