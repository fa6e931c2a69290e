package io.offerdesk.changesets.internal;

import io.offerdesk.changesets.ChangeError;
import io.offerdesk.changesets.ChangeHandler;
import io.offerdesk.changesets.ChangeRejected;
import io.offerdesk.changesets.ChangeSession;
import io.offerdesk.changesets.ChangeSet.Change;
import io.offerdesk.changesets.ChangeSetContext;
import io.offerdesk.changesets.ChangeSetStatus;
import io.offerdesk.changesets.FailureCode;
import io.offerdesk.changesets.Intent;
import io.offerdesk.changesets.ResolvedChange;
import io.offerdesk.changesets.ResourceMetadata;
import io.offerdesk.changesets.events.ChangeSetFailed;
import io.offerdesk.changesets.events.ChangeSetSucceeded;
import io.offerdesk.changesets.internal.ChangeSetRepository.Stored;
import io.offerdesk.changesets.internal.domain.ChangePlan;
import io.offerdesk.platform.SimulatorControls;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one claimed change set: every change in dependency order inside one transaction, then records the outcome.
 * A rejected change rolls everything back and the change set fails with {@code CLIENT_ERROR} and that change's errors;
 * an unexpected exception fails it with {@code SERVER_FAULT}. A failure the operator set in the simulator for the
 * owner and an entity fails the change set at the change of that entity, with the chosen code, once. A validation-only change set is rolled back on success
 * too.
 */
@Component
class ChangeSetProcessor {

    private static final Logger log = LoggerFactory.getLogger(ChangeSetProcessor.class);

    /** Thrown to roll back the changes of a change set; carries what to record instead. */
    private static final class Outcome extends RuntimeException {
        private final List<Change> changes;
        private final List<String> entityIds;
        private final @Nullable FailureCode failure;

        Outcome(List<Change> changes, List<String> entityIds, @Nullable FailureCode failure) {
            super(null, null, false, false);
            this.changes = changes;
            this.entityIds = entityIds;
            this.failure = failure;
        }
    }

    private final Map<String, ChangeHandler> handlers;
    private final ChangeSetRepository changeSets;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SimulatorControls simulator;
    private final ResourceMetadataRepository metadata;

    ChangeSetProcessor(
            List<ChangeHandler> handlers,
            ChangeSetRepository changeSets,
            ResourceMetadataRepository metadata,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock,
            SimulatorControls simulator) {
        this.simulator = simulator;
        this.metadata = metadata;
        this.handlers = handlers.stream().collect(Collectors.toMap(ChangeHandler::entityType, Function.identity()));
        this.changeSets = changeSets;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    boolean isFinal(String id) {
        return changeSets.status(id).map(ChangeSetStatus::isFinal).orElse(true);
    }

    void process(String id) {
        try {
            transactions.executeWithoutResult(status -> applyAll(id));
        } catch (Outcome outcome) {
            transactions.executeWithoutResult(status -> record(id, outcome));
        } catch (RuntimeException e) {
            log.error("change set {} failed on the server", id, e);
            transactions.executeWithoutResult(status -> serverFault(id, e));
        }
    }

    private void applyAll(String id) {
        var stored = changeSets.find(id).orElse(null);
        if (stored == null || stored.changeSet().status() != ChangeSetStatus.APPLYING) {
            return;
        }
        var set = stored.changeSet();
        var due = simulator
                .changeSetDelay(set.ownerPartyId())
                .map(delay -> set.startTime().plus(delay))
                .orElse(null);
        if (due != null && due.isAfter(clock.instant())) {
            // the simulator's delay: stay APPLYING, claimed until the delay has passed, then a worker takes it again
            changeSets.holdUntil(id, Duration.between(clock.instant(), due));
            return;
        }
        var context = new ChangeSetContext(id, set.ownerPartyId(), stored.actor(), clock.instant());
        var changes = set.changes();
        var order = ChangePlan.order(
                changes.stream()
                        .map(c -> new ChangePlan.Step(c.changeName(), c.entityIdentifier(), c.details()))
                        .toList(),
                "changeSet",
                new ArrayList<>());
        var sessions = new LinkedHashMap<ChangeHandler, ChangeSession>();
        var createdByName = new HashMap<String, String>();
        var entityIds = new String[changes.size()];
        for (int index : order) {
            var change = changes.get(index);
            var handler = handlers.get(change.entityType());
            if (handler == null) {
                throw new IllegalStateException("no handler for " + change.entityType());
            }
            var session = sessions.computeIfAbsent(handler, h -> h.open(context));
            var resolved = new ResolvedChange(
                    change.changeType(),
                    change.changeName(),
                    entityId(change.entityIdentifier(), createdByName),
                    ChangePlan.resolve(change.details(), createdByName));
            var simulated = resolved.entityId() == null
                    ? null
                    : simulator
                            .takeChangeSetFailure(set.ownerPartyId(), resolved.entityId())
                            .orElse(null);
            if (simulated != null) {
                throw new Outcome(
                        withErrors(
                                changes,
                                index,
                                List.of(new ChangeError(
                                        simulated, "The simulator failed this change with " + simulated + "."))),
                        List.of(),
                        FailureCode.CLIENT_ERROR);
            }
            String entityId;
            try {
                entityId = session.apply(resolved);
            } catch (ChangeRejected rejected) {
                throw new Outcome(withErrors(changes, index, rejected.errors()), List.of(), FailureCode.CLIENT_ERROR);
            }
            entityIds[index] = entityId;
            tag(set.ownerPartyId(), changes, index, entityId);
            if (change.changeName() != null) {
                createdByName.put(change.changeName(), entityId);
            }
        }
        var revisions = new HashMap<String, Long>();
        sessions.values().forEach(s -> revisions.putAll(s.finish()));
        var applied = new ArrayList<Change>();
        for (int i = 0; i < changes.size(); i++) {
            var change = changes.get(i);
            var revision = revisions.get(entityIds[i]);
            applied.add(change.withErrors(List.of())
                    .withEntityIdentifier(revision == null ? entityIds[i] : entityIds[i] + "@" + revision));
        }
        var touched = List.of(entityIds).stream().distinct().toList();
        if (set.intent() == Intent.VALIDATE) {
            throw new Outcome(changes, touched, null);
        }
        if (finish(stored, ChangeSetStatus.SUCCEEDED, null, null, touched, applied)) {
            sessions.values().forEach(ChangeSession::publish);
            events.publishEvent(new ChangeSetSucceeded(
                    set.id(), set.ownerPartyId(), identifiers(applied), stored.actor(), clock.instant()));
        }
    }

    /**
     * Puts the change's {@code EntityTags} on the entity it created or changed, in the change set's transaction: they
     * stay only if the change set applies. Too many tags in all fail the change as any broken rule does.
     */
    private void tag(UUID owner, List<Change> changes, int index, String entityId) {
        var tags = changes.get(index).entityTags();
        if (tags.isEmpty()) {
            return;
        }
        var type = ResourceMetadata.resourceType(changes.get(index).entityType());
        var keys = new HashSet<>(metadata.tags(owner, type, entityId).keySet());
        keys.addAll(tags.keySet());
        if (keys.size() > ResourceMetadata.TAGS_MAX) {
            throw new Outcome(
                    withErrors(
                            changes,
                            index,
                            List.of(new ChangeError(
                                    "TOO_MANY_TAGS",
                                    "EntityTags: " + entityId + " would have " + keys.size() + " tags; at most "
                                            + ResourceMetadata.TAGS_MAX + "."))),
                    List.of(),
                    FailureCode.CLIENT_ERROR);
        }
        metadata.tag(owner, type, entityId, tags);
    }

    private void record(String id, Outcome outcome) {
        changeSets.find(id).ifPresent(stored -> {
            var set = stored.changeSet();
            if (outcome.failure == null) {
                // A validation-only change set: everything would have applied, nothing was kept.
                if (finish(stored, ChangeSetStatus.SUCCEEDED, null, null, outcome.entityIds, outcome.changes)) {
                    events.publishEvent(new ChangeSetSucceeded(
                            set.id(), set.ownerPartyId(), List.of(), stored.actor(), clock.instant()));
                }
            } else if (finish(stored, ChangeSetStatus.FAILED, outcome.failure, null, List.of(), outcome.changes)) {
                failed(stored, outcome.failure, outcome.changes);
            }
        });
    }

    private void serverFault(String id, RuntimeException e) {
        changeSets.find(id).ifPresent(stored -> {
            if (finish(
                    stored,
                    ChangeSetStatus.FAILED,
                    FailureCode.SERVER_FAULT,
                    "The change set could not be applied because of a server fault ("
                            + e.getClass().getSimpleName() + "). Nothing was changed; start it again.",
                    List.of(),
                    stored.changeSet().changes())) {
                failed(stored, FailureCode.SERVER_FAULT, stored.changeSet().changes());
            }
        });
    }

    /** Records the outcome and frees the change set's entities; false if it was not applying any more. */
    private boolean finish(
            Stored stored,
            ChangeSetStatus status,
            @Nullable FailureCode failure,
            @Nullable String description,
            List<String> entityIds,
            List<Change> changes) {
        var set = stored.changeSet();
        if (!changeSets.finish(set.id(), status, failure, description, clock.instant(), entityIds, changes)) {
            return false;
        }
        changeSets.unlock(set.id());
        return true;
    }

    private void failed(Stored stored, FailureCode failure, List<Change> changes) {
        var set = stored.changeSet();
        var codes = changes.stream()
                .flatMap(c -> c.errors().stream())
                .map(ChangeError::code)
                .toList();
        events.publishEvent(new ChangeSetFailed(
                set.id(), set.ownerPartyId(), failure.name(), codes, stored.actor(), clock.instant()));
    }

    private static List<String> identifiers(List<Change> changes) {
        return changes.stream()
                .map(Change::entityIdentifier)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
    }

    private static @Nullable String entityId(@Nullable String identifier, Map<String, String> createdByName) {
        if (identifier == null) {
            return null;
        }
        var name = ChangePlan.referencedName(identifier);
        if (name != null) {
            return createdByName.get(name);
        }
        var at = identifier.indexOf('@');
        return at < 0 ? identifier : identifier.substring(0, at);
    }

    private static List<Change> withErrors(List<Change> changes, int index, List<ChangeError> errors) {
        var result = new ArrayList<>(changes);
        result.set(index, changes.get(index).withErrors(errors));
        return result;
    }
}
