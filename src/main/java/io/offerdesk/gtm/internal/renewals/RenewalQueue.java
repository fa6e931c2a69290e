package io.offerdesk.gtm.internal.renewals;

import io.offerdesk.changesets.ChangeSets;
import io.offerdesk.changesets.events.ChangeSetFailed;
import io.offerdesk.changesets.events.ChangeSetSucceeded;
import io.offerdesk.gtm.OfferApprovals;
import io.offerdesk.gtm.events.RenewalDrafted;
import io.offerdesk.gtm.events.RenewalFailed;
import io.offerdesk.gtm.events.RenewalQueued;
import io.offerdesk.gtm.internal.renewals.RenewalRepository.Draft;
import io.offerdesk.gtm.internal.renewals.RenewalRepository.State;
import io.offerdesk.gtm.internal.templates.TemplateOrigins;
import java.time.Clock;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What became of a renewal's change set: once the offer exists it is queued for approval (the party's policy decides
 * the steps; a draft the policy asks nothing of is ready at once) and announced; a refused change set leaves the draft
 * failed with the offer rules' messages as its reason. Only a draft still drafting is touched, so a redelivered event
 * changes nothing.
 */
@Component
class RenewalQueue {

    private final RenewalRepository repository;
    private final RenewalEngine engine;
    private final OfferApprovals approvals;
    private final TemplateOrigins origins;
    private final ChangeSets changeSets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RenewalQueue(
            RenewalRepository repository,
            RenewalEngine engine,
            OfferApprovals approvals,
            TemplateOrigins origins,
            ChangeSets changeSets,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.engine = engine;
        this.approvals = approvals;
        this.origins = origins;
        this.changeSets = changeSets;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ChangeSetSucceeded succeeded) {
        repository
                .lockDrafting(succeeded.owner(), succeeded.changeSetId())
                .ifPresent(draft ->
                        queue(draft, succeeded.entityIdentifiers().getFirst().replaceAll("@.*", "")));
    }

    @ApplicationModuleListener
    void on(ChangeSetFailed failed) {
        repository.lockDrafting(failed.owner(), failed.changeSetId()).ifPresent(draft -> {
            var set = changeSets.describe(failed.owner(), failed.changeSetId());
            var reason = set.changes().stream()
                    .flatMap(change -> change.errors().stream())
                    .map(error -> error.code() + ": " + error.message())
                    .collect(Collectors.joining("; "));
            var now = clock.instant();
            var why = reason.isBlank() ? failed.failureCode() : reason;
            repository.finish(draft.partyId(), draft.agreementId(), State.FAILED, null, null, why, now);
            var actor = engine.principal(draft.partyId()).orElseThrow().actor();
            events.publishEvent(new RenewalFailed(
                    draft.agreementId(), draft.partyId(), draft.mode().name(), why, actor, now));
        });
    }

    private void queue(Draft draft, String offerId) {
        var me = engine.principal(draft.partyId()).orElseThrow();
        var changeSetId = Objects.requireNonNull(draft.changeSetId());
        // The template origin is completed here too, so the approvals see the renewal's checklist and form at once.
        origins.complete(draft.partyId(), changeSetId, offerId);
        var now = clock.instant();
        var required = !approvals.overview(me, offerId).required().isEmpty();
        var request = required ? approvals.request(me, offerId).id() : null;
        repository.finish(
                draft.partyId(),
                draft.agreementId(),
                required ? State.QUEUED : State.READY,
                offerId,
                request,
                null,
                now);
        events.publishEvent(new RenewalDrafted(
                draft.agreementId(), offerId, draft.partyId(), draft.mode().name(), draft.agreementEnd(), now));
        events.publishEvent(new RenewalQueued(
                draft.agreementId(),
                offerId,
                draft.partyId(),
                draft.mode().name(),
                draft.increasePercent(),
                request,
                me.actor(),
                now));
    }
}
