package io.offerdesk.gtm.internal.approvals;

import io.offerdesk.gtm.Approval;
import io.offerdesk.gtm.ApprovalRequest;
import io.offerdesk.gtm.OfferApprovals;
import io.offerdesk.gtm.events.ApprovalGranted;
import io.offerdesk.gtm.events.ApprovalInvalidated;
import io.offerdesk.gtm.events.ApprovalRejected;
import io.offerdesk.gtm.events.ApprovalRequested;
import io.offerdesk.gtm.events.ApprovalStepOpened;
import io.offerdesk.gtm.internal.approvals.domain.ApprovalPolicy;
import io.offerdesk.gtm.internal.approvals.domain.Approver;
import io.offerdesk.offers.Offer;
import io.offerdesk.offers.OfferQueries;
import io.offerdesk.offers.OfferState;
import io.offerdesk.platform.OfferdeskPrincipal;
import io.offerdesk.shared.Actor;
import io.offerdesk.shared.Conflict;
import io.offerdesk.shared.InvalidInput;
import io.offerdesk.shared.NotFound;
import io.offerdesk.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests, approvals and rejections. Each decision locks its request, so two approvers deciding at once follow each
 * other; a step opens when every approval before it is in.
 */
@Service
class ApprovalWorkflow implements OfferApprovals {

    /** The longest comment an approver may write. */
    static final int COMMENT_MAX = 2000;

    private final OfferQueries offers;
    private final RequiredApprovals required;
    private final ApprovalGate gate;
    private final ApprovalRepository approvals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApprovalWorkflow(
            OfferQueries offers,
            RequiredApprovals required,
            ApprovalGate gate,
            ApprovalRepository approvals,
            ApplicationEventPublisher events,
            Clock clock) {
        this.offers = offers;
        this.required = required;
        this.gate = gate;
        this.approvals = approvals;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Overview overview(OfferdeskPrincipal me, String offerId) {
        var offer = offers.offer(me, offerId);
        var draft = offer.state() == OfferState.DRAFT;
        var party = offer.sellerPartyId();
        return new Overview(
                offer.id().value(),
                offer.revision(),
                draft,
                draft
                        ? required.of(offer).stream()
                                .map(RequiredApprovals::label)
                                .toList()
                        : List.of(),
                approvals.latestRequest(party, offer.id().value()).orElse(null),
                draft && gate.refusal(offer, false).isEmpty(),
                approvals.trail(party, offer.id().value()));
    }

    @Override
    @Transactional
    public ApprovalRequest request(OfferdeskPrincipal me, String offerId) {
        var offer = offers.offer(me, offerId);
        if (!me.has(Role.OFFER_AUTHOR) && !me.has(Role.ADMIN)) {
            throw new AccessDeniedException("only the offer's authors request its approvals");
        }
        if (offer.state() != OfferState.DRAFT) {
            throw new Conflict("approvals.conflict.released", offer.id().value());
        }
        var needed = required.of(offer);
        if (needed.isEmpty()) {
            throw new Conflict("approvals.conflict.notRequired", offer.id().value());
        }
        var party = offer.sellerPartyId();
        var id = offer.id().value();
        var latest = approvals.latestRequest(party, id);
        if (latest.isPresent()
                && latest.get().offerRevision() == offer.revision()
                && (latest.get().status() == ApprovalRequest.Status.PENDING
                        || latest.get().status() == ApprovalRequest.Status.APPROVED)) {
            return latest.get();
        }
        var now = clock.instant();
        if (latest.isPresent() && latest.get().status() == ApprovalRequest.Status.PENDING) {
            invalidate(party, latest.get(), offer.revision(), me.actor(), now);
        }
        var requestId = UUID.randomUUID();
        approvals.insertRequest(
                requestId, party, id, offer.revision(), me.actor().name(), now);
        needed.forEach(r -> approvals.insertApproval(requestId, party, r));
        events.publishEvent(new ApprovalRequested(
                id,
                party,
                requestId,
                offer.revision(),
                needed.stream().map(RequiredApprovals::label).toList(),
                me.actor(),
                now));
        openStep(offer, requestId, 1, me.actor(), now);
        return approvals.lockRequest(party, requestId).orElseThrow();
    }

    @Override
    @Transactional
    public ApprovalRequest approve(OfferdeskPrincipal me, String offerId, String approvalId, @Nullable String comment) {
        checkComment(comment, false);
        var offer = offers.offer(me, offerId);
        var decided = decidable(me, offer, approvalId);
        var request = decided.request();
        var approval = decided.approval();
        var now = clock.instant();
        if (!approvals.decide(approval.id(), Approval.State.APPROVED, me.actor().name(), me.userId(), comment, now)) {
            throw new Conflict("approvals.conflict.decided", approval.step());
        }
        var after = approvals.approvals(request.id());
        var complete = after.stream().allMatch(a -> a.state() == Approval.State.APPROVED);
        events.publishEvent(new ApprovalGranted(
                offer.id().value(),
                offer.sellerPartyId(),
                request.id(),
                approval.step(),
                approval.approver(),
                comment,
                complete,
                me.actor(),
                now));
        if (complete) {
            approvals.markApproved(request.id(), now);
        } else {
            var stepDone = after.stream()
                    .filter(a -> a.step() == approval.step())
                    .allMatch(a -> a.state() == Approval.State.APPROVED);
            if (stepDone) {
                after.stream()
                        .filter(a -> a.state() == Approval.State.WAITING)
                        .mapToInt(Approval::step)
                        .min()
                        .ifPresent(next -> openStep(offer, request.id(), next, me.actor(), now));
            }
        }
        return approvals.lockRequest(offer.sellerPartyId(), request.id()).orElseThrow();
    }

    @Override
    @Transactional
    public ApprovalRequest reject(OfferdeskPrincipal me, String offerId, String approvalId, @Nullable String comment) {
        checkComment(comment, true);
        var offer = offers.offer(me, offerId);
        var decided = decidable(me, offer, approvalId);
        var approval = decided.approval();
        var now = clock.instant();
        if (!approvals.decide(approval.id(), Approval.State.REJECTED, me.actor().name(), me.userId(), comment, now)) {
            throw new Conflict("approvals.conflict.decided", approval.step());
        }
        approvals.close(decided.request().id(), ApprovalRequest.Status.REJECTED, now);
        events.publishEvent(new ApprovalRejected(
                offer.id().value(),
                offer.sellerPartyId(),
                decided.request().id(),
                approval.step(),
                approval.approver(),
                Objects.requireNonNull(comment).strip(),
                me.actor(),
                now));
        return approvals
                .lockRequest(offer.sellerPartyId(), decided.request().id())
                .orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Waiting> waiting(OfferdeskPrincipal me) {
        return approvals.openFor(me.partyId(), me.userId(), me.roles()).stream()
                .map(o -> new Waiting(o.offerId(), o.offerRevision(), o.requestId(), o.approval()))
                .toList();
    }

    /** Ends a pending request because the draft moved on to {@code revision}. */
    void invalidate(UUID party, ApprovalRequest request, long revision, Actor actor, Instant now) {
        var ended = request.status() == ApprovalRequest.Status.PENDING
                ? approvals.close(request.id(), ApprovalRequest.Status.INVALIDATED, now)
                : approvals.invalidateApproved(request.id(), now);
        if (ended) {
            events.publishEvent(new ApprovalInvalidated(
                    request.offerId(), party, request.id(), request.offerRevision(), revision, actor, now));
        }
    }

    private record Decidable(ApprovalRequest request, Approval approval) {}

    /**
     * The open approval the user may decide now. Another party's approval, or one of another offer, does not exist;
     * one the user is no approver of is forbidden; one whose step is not open yet, or of a request that ended or is
     * for an earlier revision, conflicts.
     */
    private Decidable decidable(OfferdeskPrincipal me, Offer offer, String approvalId) {
        var party = offer.sellerPartyId();
        var id = parse(approvalId);
        var request = approvals
                .requestOf(party, id)
                .flatMap(requestId -> approvals.lockRequest(party, requestId))
                .filter(r -> r.offerId().equals(offer.id().value()))
                .orElseThrow(() -> new NotFound("approval", approvalId));
        var approval = request.approvals().stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFound("approval", approvalId));
        var approver = approval.role() != null
                ? Approver.of(approval.role())
                : Approver.user(Objects.requireNonNull(approval.userId()), approval.approver());
        if (!party.equals(me.partyId()) || !approver.admits(me.userId(), me.roles())) {
            throw new AccessDeniedException("not an approver of this step");
        }
        if (request.status() != ApprovalRequest.Status.PENDING) {
            throw new Conflict("approvals.conflict.closed", request.status().name());
        }
        if (request.offerRevision() != offer.revision()) {
            throw new Conflict("approvals.conflict.outdated", request.offerRevision(), offer.revision());
        }
        return switch (approval.state()) {
            case OPEN -> new Decidable(request, approval);
            case WAITING -> throw new Conflict("approvals.conflict.stepNotOpen", approval.step());
            case APPROVED, REJECTED, CANCELLED -> throw new Conflict("approvals.conflict.decided", approval.step());
        };
    }

    private void openStep(Offer offer, UUID requestId, int step, Actor actor, Instant now) {
        ApprovalPolicy policy = required.policy(offer);
        var dueAt = now.plus(policy.stepDue());
        approvals.openStep(requestId, step, now, dueAt, dueAt.plus(policy.escalation()));
        var opened = approvals.approvals(requestId).stream()
                .filter(a -> a.step() == step)
                .toList();
        events.publishEvent(new ApprovalStepOpened(
                offer.id().value(),
                offer.sellerPartyId(),
                requestId,
                step,
                opened.stream()
                        .map(Approval::role)
                        .filter(Objects::nonNull)
                        .map(Role::name)
                        .toList(),
                opened.stream().map(Approval::userId).filter(Objects::nonNull).toList(),
                dueAt,
                actor,
                now));
    }

    private static void checkComment(@Nullable String comment, boolean required) {
        if (required && (comment == null || comment.isBlank())) {
            throw new InvalidInput("comment", "validation.required");
        }
        if (comment != null && comment.length() > COMMENT_MAX) {
            throw new InvalidInput("comment", "validation.maxLength", COMMENT_MAX);
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw new NotFound("approval", id);
        }
    }
}
